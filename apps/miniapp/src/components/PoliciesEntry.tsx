import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMyPolicies } from '../hooks/useMyPolicies';
import { useSession } from '../hooks/useSession';
import { POLICY_ROUTES } from '../lib/policies';
import './PoliciesEntry.css';

/**
 * 可能适合您的政策 N 项 (a seeker or employer with N > 0), leading to the policy list with theirs on top. With
 * `always` (我的), anyone else gets a plain 就业政策 button instead; without it (the home), nothing.
 */
export function PoliciesEntry({ always }: { always?: boolean }) {
  const user = useSession();
  const mine = useMyPolicies(user);
  const n = mine.data?.length ?? 0;
  const open = () => void Taro.navigateTo({ url: POLICY_ROUTES.list });
  if (n > 0) {
    const first = mine.data?.[0]?.policy.title ?? '';
    return (
      <View className='zg-card pe pe-mine' aria-role='link' onClick={open}>
        <View className='zg-row'>
          <View className='zg-grow pe-title'>可能适合您的政策 {n} 项</View>
          <View className='pe-go'>去看 ▸</View>
        </View>
        <View className='pe-line'>{n > 1 ? `${first} 等` : first}</View>
      </View>
    );
  }
  if (!always) return null;
  return (
    <View className='zg-card pe'>
      <Button className='zg-btn zg-btn-ghost zg-btn-block pe-all' onClick={open}>
        就业创业政策
      </Button>
      <View className='zg-small pe-note'>补贴、培训、贷款……看看有没有适合您的。</View>
    </View>
  );
}
