import { Input, View } from '@tarojs/components';
import './TotpField.css';

interface Props {
  value: string;
  onChange: (digits: string) => void;
}

/** The 6-digit code of an authenticator app: big digits, spaced out, nothing but digits kept. */
export function TotpField({ value, onChange }: Props) {
  return (
    <View className='totp'>
      <View className='zg-label'>验证器上的6位数字</View>
      <Input
        className='zg-input totp-input'
        type='number'
        placeholder='6位数字'
        maxlength={6}
        value={value}
        onInput={(e) => onChange(e.detail.value.replace(/\D/g, '').slice(0, 6))}
      />
    </View>
  );
}

/** A friendly message for a failed code; 429 is the 15-minute lock after five wrong codes. */
export function totpError(statusCode: number, message: string): string {
  if (statusCode === 429) {
    return message && !message.startsWith('操作太频繁') ? message : '验证码错了太多次，已锁定15分钟。请过15分钟再试。';
  }
  return message;
}
