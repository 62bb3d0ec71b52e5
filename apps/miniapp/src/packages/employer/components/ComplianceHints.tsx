import { Text, View } from '@tarojs/components';
import type { ComplianceFinding } from '@zaogong/shared';
import './ComplianceHints.css';

interface Props {
  findings: readonly ComplianceFinding[];
  /** Shown above the list, e.g. "审核意见" on a rejected post. */
  title?: string;
}

/**
 * What the compliance check found, hard findings first: red "这样写不能发布" with the law it
 * breaks, amber "审核时会重点看" for what a reviewer will look at.
 */
export function ComplianceHints({ findings, title }: Props) {
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'hard' ? -1 : 1));
  return (
    <View className='ch'>
      {title ? <View className='ch-title'>{title}</View> : null}
      {sorted.map((f, i) => (
        <View
          key={`${f.ruleId}:${f.match}:${i}`}
          className={f.severity === 'hard' ? 'ch-item ch-hard' : 'ch-item ch-soft'}
          aria-role='alert'
        >
          <View className='ch-head'>{f.severity === 'hard' ? '这样写不能发布：' : '审核时会重点看：'}</View>
          <View className='ch-msg'>{f.message}</View>
          {f.match ? (
            <View className='ch-match'>
              有问题的字：<Text className='ch-words'>“{f.match}”</Text>
            </View>
          ) : null}
          {f.law ? <View className='ch-law'>依据：{f.law}</View> : null}
        </View>
      ))}
    </View>
  );
}
