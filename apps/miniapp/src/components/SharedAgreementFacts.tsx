import { Text, View } from '@tarojs/components';
import { SHARED_AGREEMENT_STATUS_LABELS, SHARED_CONSENT_METHOD_LABELS, type SharedAgreementItem, type SharedConsentMethod } from '@zaogong/shared';
import { formatDate } from '../lib/format';
import { datesText, daysOf, STATUS_TAG } from '../lib/shared-staff';
import './SharedAgreementFacts.css';

function Fact({ label, children, note }: { label: string; children: string; note?: string }) {
  return (
    <View className='saf-fact'>
      <View className='saf-label'>{label}</View>
      <View className='saf-value'>{children}</View>
      {note ? <View className='saf-note'>{note}</View> : null}
    </View>
  );
}

/** One firm of the agreement and whether it has signed. */
function Party({ label, name, signedAt }: { label: string; name: string; signedAt: string | null }) {
  return (
    <View className='saf-fact saf-party'>
      <View className='saf-label'>{label}</View>
      <View className='saf-value'>{name}</View>
      <View className={signedAt ? 'saf-signed saf-signed-ok' : 'saf-signed saf-signed-wait'}>{signedAt ? `✓ ${formatDate(signedAt)}已签署` : '还没签署'}</View>
    </View>
  );
}

/** The agreement's status as a tag: 待签署 (等工人同意 once both firms signed) / 进行中 / 已结束. */
export function AgreementStatusTag({ a }: { a: Pick<SharedAgreementItem, 'status' | 'lenderSignedAt' | 'borrowerSignedAt'> }) {
  const label = a.status === 'draft' && a.lenderSignedAt && a.borrowerSignedAt ? '等工人同意' : SHARED_AGREEMENT_STATUS_LABELS[a.status];
  return <Text className={`${STATUS_TAG[a.status]} saf-status`}>{label}</Text>;
}

/**
 * What a 共享用工 agreement says, in the words a firm, a worker and a liaison all read the same way: who lends, who
 * borrows, when, what work, how the pay goes (the borrower pays through the lender), and 工伤 with the lender.
 */
export function SharedAgreementFacts({ a }: { a: SharedAgreementItem }) {
  return (
    <View className='saf'>
      <Party label='出借方（出人）' name={a.lender.name} signedAt={a.lenderSignedAt} />
      <Party label='借入方（用人）' name={a.borrower.name} signedAt={a.borrowerSignedAt} />
      <Fact label='期间' note={`共${daysOf(a.from, a.to)}天`}>
        {datesText(a)}
      </Fact>
      <Fact label='干什么活'>{a.work}</Fact>
      <Fact label='工资怎么发'>{a.pay}</Fact>
      <Fact label='工伤'>{`由出借方${a.lender.name}负责`}</Fact>
      {a.status === 'ended' && a.endReason ? <Fact label='结束原因'>{`${a.endedAt ? `${formatDate(a.endedAt)} ` : ''}${a.endReason}`}</Fact> : null}
    </View>
  );
}

/** "✓ 2027年1月3日已同意：本人签字", or "还没同意". */
export function consentText(w: SharedAgreementItem['workers'][number]): string {
  if (!w.consentAt) return '还没同意';
  const how = w.consentMethod ? (SHARED_CONSENT_METHOD_LABELS[w.consentMethod as SharedConsentMethod] ?? '') : '';
  return `✓ ${formatDate(w.consentAt)}已同意${how ? `：${how}` : ''}`;
}

/** The lent workers, each with whether they have consented. */
export function SharedWorkerList({ a }: { a: SharedAgreementItem }) {
  if (a.workers.length === 0) return <View className='zg-text saf-none'>还没有借出的工人。</View>;
  return (
    <View className='saf-workers'>
      {a.workers.map((w) => (
        <View key={w.residentId} className={w.consentAt ? 'saf-worker saf-worker-ok' : 'saf-worker'}>
          <View className='zg-row'>
            <Text className='saf-worker-name'>{w.name}</Text>
            {w.villageName ? <Text className='zg-small saf-worker-village'>{w.villageName}</Text> : null}
          </View>
          <View className={w.consentAt ? 'saf-consent saf-consent-ok' : 'saf-consent saf-consent-wait'}>{consentText(w)}</View>
        </View>
      ))}
    </View>
  );
}

/** "还差：出借方未签署、王秀英未同意". */
export function WaitingFor({ a }: { a: SharedAgreementItem }) {
  if (a.status !== 'draft' || a.waitingFor.length === 0) return null;
  return (
    <View className='saf-waiting'>
      <View className='saf-waiting-head'>还差这几步，协议才生效：</View>
      {a.waitingFor.map((w) => (
        <View key={w} className='saf-waiting-line'>
          · {w}
        </View>
      ))}
    </View>
  );
}
