import { useState } from 'react';
import { Button, Input, View, type ButtonProps } from '@tarojs/components';
import { validateMobile, type AuthUser, type QuickProfileInput } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { FormField } from '../../components/FormField';
import { VillagePicker } from '../../components/VillagePicker';

/** Names the login gives an account before the person says theirs: not worth pre-filling. */
const PLACEHOLDER_NAMES = ['手机用户', '微信用户'];

/** 第一次报名 (a post or a 零工): what an employer needs to reach the person, asked inside the sheet. */
export interface FirstTime {
  name: string;
  /** Typed; empty while the account's own phone (or WeChat's) is used. */
  phone: string;
  /** The one-time code of WeChat 手机号快速验证, when the person used it here. */
  phoneCode?: string;
  townCode?: string;
  villageCode?: string;
}
export type FirstTimeErrors = Partial<Record<'name' | 'phone' | 'villageCode', string>>;

export function firstTimeOf(user: AuthUser): FirstTime {
  return { name: PLACEHOLDER_NAMES.includes(user.name) ? '' : user.name, phone: '' };
}

/** Checked here first, so the person is told at once; the API checks the same again. */
function checkFirstTime(v: FirstTime, accountPhone: boolean): FirstTimeErrors {
  const e: FirstTimeErrors = {};
  if (v.name.trim().length < 2) e.name = '请写上您的名字（至少两个字）';
  if (v.phone) {
    const m = validateMobile(v.phone);
    if (!m.ok) e.phone = m.message;
  } else if (!accountPhone && !v.phoneCode) e.phone = '请填写手机号，企业要打电话联系您';
  if (!v.villageCode) e.villageCode = '请选择您住在哪个村';
  return e;
}

/**
 * 先报名: the seeker's record from the sheet's three answers (POST /me/profile/quick). Resolves to what
 * the person has to fix, or null once there is a record (also when one was made meanwhile: a 409).
 */
export async function saveQuickRecord(first: FirstTime, user: AuthUser, desiredOccupations: string[]): Promise<FirstTimeErrors | null> {
  const errors = checkFirstTime(first, Boolean(user.phoneMasked));
  if (Object.keys(errors).length) return errors;
  const body: QuickProfileInput = { name: first.name.trim(), villageCode: first.villageCode as string, desiredOccupations };
  if (first.phone) body.phone = first.phone;
  else if (first.phoneCode) body.phoneCode = first.phoneCode;
  try {
    await api.quickProfile(body, { toast: false });
  } catch (e) {
    // 409: a record was made meanwhile (another tap, another device); go on with it.
    if (e instanceof ApiRequestError && e.statusCode === 409) return null;
    if (e instanceof ApiRequestError && e.errors.length) {
      return Object.fromEntries(e.errors.map((x) => [x.field === 'phoneCode' ? 'phone' : x.field, x.message]));
    }
    throw e;
  }
  return null;
}

interface Props {
  user: AuthUser;
  value: FirstTime;
  errors: FirstTimeErrors;
  onChange: (v: FirstTime) => void;
  /** The words of the button that sends it, as the consent line names it. */
  submitText?: string;
}

/** The questions of a first application or 零工 sign-up: name, phone, 村. Nothing else until a hire needs it. */
export function FirstTimeFields({ user, value, errors, onChange, submitText = '发送，报名' }: Props) {
  const [typing, setTyping] = useState(!user.phoneMasked);
  const set = (patch: Partial<FirstTime>) => onChange({ ...value, ...patch });
  const onWechatPhone = (e: { detail: ButtonProps.onGetPhoneNumberEventDetail }) => {
    if (e.detail.code) set({ phoneCode: e.detail.code, phone: '' });
  };
  return (
    <View className='apply-first'>
      <View className='zg-small apply-first-lead'>第一次报名，告诉企业怎么找到您（身份证号等上班时再填）：</View>
      <FormField id='apply-name' label='您叫什么名字' error={errors.name}>
        <Input className='zg-input' value={value.name} maxlength={32} placeholder='姓名' onInput={(e) => set({ name: e.detail.value })} />
      </FormField>
      <FormField id='apply-phone' label='手机号（企业打这个电话找您）' error={errors.phone}>
        {!typing && user.phoneMasked ? (
          <View className='zg-row apply-phone-own'>
            <View className='zg-grow apply-phone-number'>{user.phoneMasked}</View>
            <Button className='zg-btn zg-btn-ghost apply-phone-change' onClick={() => setTyping(true)}>
              换号码
            </Button>
          </View>
        ) : value.phoneCode ? (
          <View className='apply-phone-number'>已用微信绑定的手机号</View>
        ) : (
          <View>
            <Input className='zg-input' type='number' value={value.phone} maxlength={11} placeholder='11位手机号' onInput={(e) => set({ phone: e.detail.value.replace(/\D/g, '') })} />
            {process.env.TARO_ENV === 'weapp' ? (
              <Button className='zg-btn zg-btn-wechat zg-btn-block apply-phone-wechat' openType='getPhoneNumber' onGetPhoneNumber={onWechatPhone}>
                用微信绑定的手机号
              </Button>
            ) : null}
          </View>
        )}
      </FormField>
      <FormField id='apply-village' label='您住在哪个村' error={errors.villageCode}>
        <VillagePicker
          townCode={value.townCode}
          villageCode={value.villageCode}
          onTown={(townCode) => set({ townCode, villageCode: undefined })}
          onVillage={(villageCode) => set({ villageCode })}
        />
      </FormField>
      <View className='zg-small apply-first-consent'>
        点“{submitText}”，就是您同意把姓名、手机号和村登记到山亭区人社局的求职名单上，只用来给您找工作、让企业联系您。不想要了，可以在「我的」→「我的个人信息」里删掉。
      </View>
    </View>
  );
}
