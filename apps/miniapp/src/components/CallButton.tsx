import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PhoneCallResponse } from '@zaogong/shared';
import { ApiRequestError } from '../api/client';
import './CallButton.css';

interface Props {
  /** Asks the API for the full number of this one call (POST …/call; audit-logged there). */
  fetchPhone: () => Promise<PhoneCallResponse>;
  /** The masked number the screen already shows, said under the button. */
  masked?: string;
  /** A smaller button for a row in a list. */
  compact?: boolean;
  /** What the button says instead of 打电话, e.g. 打电话给企业. */
  label?: string;
  className?: string;
}

/**
 * 打电话: the full number is fetched for this call only and handed to the phone's dialer (in a
 * browser a tel: link); the screen keeps showing the masked number.
 */
export function CallButton({ fetchPhone, masked, compact, label = '打电话', className }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const call = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const { phone } = await fetchPhone();
      await Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有拿到电话号码，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  const cls = ['zg-btn', 'zg-call-btn', compact ? 'zg-call-compact' : 'zg-btn-block', busy ? 'zg-btn-disabled' : ''].filter(Boolean).join(' ');
  return (
    <View className={['zg-call', className].filter(Boolean).join(' ')} onClick={(e) => e.stopPropagation()}>
      <Button className={cls} disabled={busy || undefined} onClick={() => void call()}>
        {busy ? '正在拨号…' : compact || !masked ? label : `${label} ${masked}`}
      </Button>
      {error ? <View className='zg-error'>{error}</View> : null}
    </View>
  );
}
