import { useEffect, useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { regionLevelOf } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { posterApi, type PosterKind } from '../../api/endpoints';
import { useApi } from '../../api/hooks';
import { loadPosterImage, openPosterPdf, savePosterImage } from '../../api/posters';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { VillagePicker } from '../../components/VillagePicker';
import { useSession } from '../../hooks/useSession';
import { posterUrl } from '../../lib/posters';
import { loginUrl } from '../../lib/routes';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** The scans of this poster, and of every board the caller may see, when they may see them. */
function ScanCount({ kind, id, posterId }: { kind: PosterKind; id: string; posterId: string }) {
  const stats = useApi(() => posterApi.stats(kind === 'post' ? { postId: id } : { eventId: id }, { toast: false }), [kind, id, posterId]);
  if (!stats.data) return null;
  const mine = stats.data.items.find((i) => i.posterId === posterId);
  const boards = stats.data.items.length;
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>有多少人扫了码</View>
      <View className='pst-scans'>这张海报：{mine?.scans ?? 0} 次</View>
      {boards > 1 ? (
        <View className='zg-small pst-scans-note'>
          您能看到的 {boards} 张海报一共被扫了 {stats.data.total} 次
        </View>
      ) : null}
    </View>
  );
}

/**
 * 打印海报 (?kind=post|event&id=): the A4 poster of a post or an event with its code, to save (WeChat: to the
 * album; H5: a download) and print for the 村务公开栏. A 村居 liaison's poster is their 村's; others pick the
 * 村 it hangs in, so its scans are counted for that board.
 */
export default function PosterPage() {
  const { params } = useRouter();
  const kind: PosterKind = params.kind === 'event' ? 'event' : 'post';
  const id = params.id ?? '';
  const user = useSession();
  const ownVillage = user?.role === 'liaison' && regionLevelOf(user.regionCode) === 'village' ? user.regionCode : null;
  const homeTown = user?.regionCode && regionLevelOf(user.regionCode) === 'town' ? user.regionCode : undefined;
  const [townCode, setTownCode] = useState<string | undefined>(homeTown);
  const [villageCode, setVillageCode] = useState<string>();
  useEffect(() => setTownCode((t) => t ?? homeTown), [homeTown]);
  const allowed = user !== null && user.role !== 'seeker';
  const board = ownVillage ? undefined : villageCode;
  const image = useApi(() => (allowed && id ? loadPosterImage(kind, id, board) : Promise.resolve(null)), [allowed, kind, id, board]);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  if (!id) return <PageShell><StateView title='没有找到要打印的内容' /></PageShell>;
  if (!user) {
    return (
      <PageShell>
        <StateView title='请先登录' body='村居联络员、管理员和发布岗位的企业登录后可以打印海报。' actionText='去登录' onAction={() => void Taro.navigateTo({ url: loginUrl(posterUrl(kind, id)) })} />
      </PageShell>
    );
  }
  if (!allowed) return <PageShell><StateView title='打印海报是村居联络员、管理员和招工企业用的' /></PageShell>;

  const save = async () => {
    if (!image.data) return;
    setSaved('');
    const ok = await savePosterImage(image.data);
    if (ok) setSaved(IS_WEAPP ? '已保存到手机相册。用 A4 纸打印，或发到电脑上打印。' : '已下载，请到“下载”文件夹里找，用 A4 纸打印。');
    else {
      setSaved('');
      void Taro.showModal({ title: '没能保存', content: '请允许“保存到相册”：点右上角“…”→“设置”，打开“添加到相册”，再点一次保存。', showCancel: false });
    }
  };
  const pdf = async () => {
    setBusy(true);
    try {
      await openPosterPdf(kind, id, board);
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiRequestError ? e.message : '没有打开，请再试一次', icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell>
      <View className='pst-lead'>打印出来，贴在村务公开栏。村民用微信扫码，就能看到、能报名。</View>

      <View className='zg-card'>
        <View className='zg-card-title'>贴在哪个村</View>
        {ownVillage ? (
          <View className='pst-board'>
            本村：<Text className='pst-board-name'>{user.regionName ?? ''}</Text>
          </View>
        ) : (
          <>
            <View className='zg-small'>选好村，就能看出哪个村的海报有人扫。不选就是全区通用的一张。</View>
            <VillagePicker townCode={townCode} villageCode={villageCode} onTown={(c) => { setTownCode(c); setVillageCode(undefined); }} onVillage={setVillageCode} />
          </>
        )}
      </View>

      {image.loading && !image.data ? <View className='pst-loading'>正在生成海报…</View> : null}
      {image.error ? (
        <StateView title='海报没有生成出来' body={image.error.message} actionText='再试一次' onAction={() => void image.reload()} />
      ) : null}
      {image.data ? (
        <>
          <View className='pst-img-wrap'>
            <Image className='pst-img' src={image.data.src} mode='aspectFit' showMenuByLongpress ariaLabel='海报' />
          </View>
          <View className='zg-card'>
            <Button className='zg-btn zg-btn-block pst-save' onClick={() => void save()}>
              {IS_WEAPP ? '保存到相册，去打印' : '下载图片，去打印'}
            </Button>
            {saved ? <View className='pst-done'>{saved}</View> : null}
            <View className='pst-how'>
              <View className='pst-how-step'>1. 用 A4 纸打印，选“适合纸张大小”。</View>
              <View className='pst-how-step'>2. 贴在村务公开栏，别让码被挡住。</View>
            </View>
            <Button className={busy ? 'zg-btn zg-btn-ghost zg-btn-block pst-pdf zg-btn-disabled' : 'zg-btn zg-btn-ghost zg-btn-block pst-pdf'} disabled={busy || undefined} onClick={() => void pdf()}>
              {busy ? '正在打开…' : IS_WEAPP ? '打开 PDF（可以发到电脑上打印）' : '下载 PDF'}
            </Button>
          </View>
          {image.data.posterId ? <ScanCount kind={kind} id={id} posterId={image.data.posterId} /> : null}
        </>
      ) : null}
    </PageShell>
  );
}
