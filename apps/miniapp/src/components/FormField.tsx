import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

interface Props {
  /** Element id, so the page can scroll to the first field with an error. */
  id?: string;
  label: string;
  /** Shown after the label, e.g. "（可不填）". */
  optional?: boolean;
  hint?: string;
  error?: string;
  children: ReactNode;
}

/** One question of a form: a big label, the input, a plain hint and the error right under it. */
export function FormField({ id, label, optional, hint, error, children }: Props) {
  return (
    <View id={id} className={error ? 'zg-field zg-field-bad' : 'zg-field'}>
      <View className='zg-label'>
        {label}
        {optional ? <Text className='zg-optional'>可不填</Text> : null}
      </View>
      {hint ? <View className='zg-small zg-field-hint'>{hint}</View> : null}
      {children}
      {error ? <View className='zg-field-error'>{error}</View> : null}
    </View>
  );
}
