import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { POLICY_AUDIENCE_LABELS, POLICY_STATUS_LABELS, type PolicyItem } from '@zaogong/shared';
import { policyUrl, validText } from '../lib/policies';
import './PolicyCard.css';

interface Props {
  policy: PolicyItem;
  /** Why the person may qualify ("您是高校毕业生", "毕业不到2年"): short green tags. */
  reasons?: readonly string[];
  /** Show 草稿 / 已撤回 / 不在有效期 (the district admin's list of every policy). */
  showStatus?: boolean;
  /** Mark a policy for firms (企业政策) among those for people. */
  showAudience?: boolean;
}

/** One policy in a list: its name, who issued it, what one gets in a line or two, and why it may fit. Opens its page. */
export function PolicyCard({ policy: p, reasons, showStatus, showAudience }: Props) {
  const off = showStatus && !p.inForce;
  const forFirms = showAudience && p.audience === 'employer';
  return (
    <View className={reasons && reasons.length > 0 ? 'zg-card pc pc-mine' : 'zg-card pc'} aria-role='link' onClick={() => void Taro.navigateTo({ url: policyUrl(p.id) })}>
      <View className='pc-title'>{p.title}</View>
      {off || forFirms ? (
        <View className='zg-row-wrap'>
          {forFirms ? <Text className='zg-tag zg-tag-plain'>{POLICY_AUDIENCE_LABELS.employer}政策</Text> : null}
          {off ? <Text className='zg-tag zg-tag-warn pc-status'>{p.status === 'published' ? '不在有效期' : POLICY_STATUS_LABELS[p.status]}</Text> : null}
        </View>
      ) : null}
      <View className='zg-small pc-issuer'>{p.issuer}</View>
      <View className='pc-benefit'>{p.benefit}</View>
      {reasons && reasons.length > 0 ? (
        <View className='zg-row-wrap pc-reasons'>
          {reasons.map((r) => (
            <Text key={r} className='zg-tag zg-tag-ok pc-reason'>
              ✓ {r}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='zg-row pc-foot'>
        <View className='zg-grow zg-small'>{validText(p)}</View>
        <View className='pc-more'>看详情 ▸</View>
      </View>
    </View>
  );
}
