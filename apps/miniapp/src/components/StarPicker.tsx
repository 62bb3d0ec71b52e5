import { View } from '@tarojs/components';
import './StarPicker.css';

/** What each number of stars means, said under them. */
const STAR_WORDS = ['', '很不满意', '不太满意', '一般', '满意', '非常满意'];

interface Props {
  stars: number;
  onChange: (stars: number) => void;
}

/** 1–5 big stars to tap, with the meaning in words under them (评价 after a 零工 day, both sides). */
export function StarPicker({ stars, onChange }: Props) {
  return (
    <View>
      <View className='sp-stars' aria-role='radiogroup'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View key={n} className={n <= stars ? 'sp-star sp-star-on' : 'sp-star'} onClick={() => onChange(n)} aria-role='radio' aria-checked={n === stars} aria-label={`${n}颗星`}>
            ★
          </View>
        ))}
      </View>
      <View className='sp-words'>{stars ? `${stars}颗星：${STAR_WORDS[stars]}` : '点星星打分'}</View>
    </View>
  );
}
