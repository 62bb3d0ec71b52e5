import { Text, View } from '@tarojs/components';
import { INDUSTRY_SECTIONS, type EmployerItem } from '@zaogong/shared';
import { api } from '../../../api/endpoints';
import { CallButton } from '../../../components/CallButton';
import { formatDateTime } from '../../../lib/resident';
import './EmployerFacts.css';

function Fact({ name, value }: { name: string; value: string }) {
  return (
    <View className='ef-row'>
      <Text className='ef-name'>{name}</Text>
      <Text className='ef-value'>{value}</Text>
    </View>
  );
}

/** What was decided before: a revocation (with when and why) or a refusal, for the admin deciding again. */
export function EmployerHistory({ employer: e }: { employer: EmployerItem }) {
  if (e.revokedAt) {
    return (
      <View className='ef-history'>
        {formatDateTime(e.revokedAt)} 撤销过认证{e.verificationReason ? `，原因：${e.verificationReason}` : ''}
      </View>
    );
  }
  if (e.verification === 'rejected' && e.verificationReason) return <View className='ef-history'>上次没通过认证的原因：{e.verificationReason}</View>;
  return null;
}

interface Props {
  employer: EmployerItem;
  /** 已认证的企业: when it was verified. */
  showVerifiedAt?: boolean;
}

/**
 * An employer as an admin checks it (企业认证, 同时认证 while reviewing a post, the verified list): the
 * facts to compare with the business licence, and 打电话 to the contact with the number fetched for that call.
 */
export function EmployerFacts({ employer: e, showVerifiedAt }: Props) {
  return (
    <View className='ef'>
      <Fact name='信用代码' value={e.creditCode ?? '无（村居联络员登记的农户）'} />
      <Fact name='行业' value={e.industryName || INDUSTRY_SECTIONS[e.industryCode] || '未填写'} />
      <Fact name='镇街' value={e.townName ?? e.townCode} />
      <Fact name='地址' value={e.address} />
      <Fact name='联系人' value={`${e.contactName} ${e.contactPhone}`} />
      {showVerifiedAt && e.verifiedAt ? <Fact name='认证时间' value={formatDateTime(e.verifiedAt)} /> : <Fact name='登记时间' value={formatDateTime(e.createdAt)} />}
      <CallButton className='ef-call' fetchPhone={() => api.callEmployer(e.id, { toast: false })} masked={e.contactPhone} />
      <EmployerHistory employer={e} />
    </View>
  );
}
