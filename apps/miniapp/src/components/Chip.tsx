import { View } from '@tarojs/components';

interface Props {
  label: string;
  on: boolean;
  onTap: () => void;
}

export function Chip({ label, on, onTap }: Props) {
  return (
    <View className={on ? 'zg-chip zg-chip-on' : 'zg-chip'} onClick={onTap} aria-selected={on} aria-role='button'>
      {label}
    </View>
  );
}
