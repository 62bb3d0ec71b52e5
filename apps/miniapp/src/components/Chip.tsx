import { View } from '@tarojs/components';

interface Props {
  label: string;
  on: boolean;
  onTap: () => void;
  /** One of several that may be on together: shows a tick, so "on" does not rest on colour alone. */
  multi?: boolean;
  /** For a chip row that scrolls the chosen one into view. */
  id?: string;
}

export function Chip({ label, on, onTap, multi, id }: Props) {
  return (
    <View
      id={id}
      className={on ? 'zg-chip zg-chip-on' : 'zg-chip'}
      onClick={onTap}
      aria-selected={on}
      aria-checked={multi ? on : undefined}
      aria-role={multi ? 'checkbox' : 'button'}
    >
      {multi ? (on ? '✓ ' : '') + label : label}
    </View>
  );
}
