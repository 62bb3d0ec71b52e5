import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { validateIdNumber, type ResidentIdCheck } from '@zaogong/shared';
import { api } from '../api/endpoints';

export interface IdNumberCheckState {
  /** `checking` while the API is asked; `done` with its answer; `idle` before 18 valid characters (or when off). */
  status: 'idle' | 'checking' | 'done';
  result?: ResidentIdCheck;
}

/**
 * Whether a 身份证号 being typed in 登记居民 is registered already (POST /residents/id-check), asked once a
 * whole valid number is there, so the duplicate shows before the consent is read aloud. Each number is
 * asked once per form (answers are kept), and only the answer for the number now in the field counts.
 * A failed call shows nothing: the 409 of 提交 still catches the duplicate.
 */
export function useIdNumberCheck(typed: string, enabled: boolean): IdNumberCheckState {
  const value = typed.trim().toUpperCase();
  const ok = enabled && value.length === 18 && validateIdNumber(value).ok;
  const answers = useRef(new Map<string, ResidentIdCheck>());
  const [state, setState] = useState<IdNumberCheckState>({ status: 'idle' });
  const current = useRef('');

  useEffect(() => {
    current.current = ok ? value : '';
    if (!ok) {
      setState({ status: 'idle' });
      return;
    }
    const known = answers.current.get(value);
    if (known) {
      setState({ status: 'done', result: known });
      return;
    }
    setState({ status: 'checking' });
    api.checkIdNumber(value, { toast: false }).then(
      (result) => {
        answers.current.set(value, result);
        if (current.current === value) setState({ status: 'done', result });
      },
      () => {
        if (current.current === value) setState({ status: 'idle' });
      },
    );
  }, [value, ok]);

  return state;
}

/** The duplicate, registered in the caller's own area or elsewhere, under the 身份证号 field. */
export function IdNumberCheckNote({ state, servicePhone, onOpen }: { state: IdNumberCheckState; servicePhone: string; onOpen?: (id: string) => void }) {
  if (state.status === 'checking') return <View className='zg-small rf-idcheck-wait'>正在查这个身份证号有没有登记过…</View>;
  const r = state.result;
  if (state.status !== 'done' || !r || !r.exists) return null;
  const residentId = r.residentId;
  if (residentId) {
    return (
      <View className='rf-dup rf-dup-link' aria-role='link' onClick={() => onOpen?.(residentId)}>
        这个身份证号已经登记过了{r.villageName ? `（${r.villageName}）` : ''}，<Text className='rf-dup-go'>点这里查看</Text>
      </View>
    );
  }
  const phone = r.servicePhone ?? servicePhone;
  return (
    <View className='rf-dup'>
      这个身份证号已经在别的村居登记过了，不用再登记。要核实请打人社服务电话
      <Text className='rf-dup-go' onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
        {phone}
      </Text>
    </View>
  );
}
