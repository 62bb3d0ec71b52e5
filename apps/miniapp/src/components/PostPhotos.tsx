import { useState } from 'react';
import { Button, Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { JobPostingItem } from '@zaogong/shared';
import { ApiRequestError, apiBase, request } from '../api/client';
import { pickPhoto, uploadPostPhoto } from '../api/files';
import './PostPhotos.css';

const MAX = 3;
const full = (url: string) => `${apiBase()}${url}`;

interface Props {
  post: Pick<JobPostingItem, 'id' | 'photos'>;
  /** The post's own employer: may add (up to 3) and remove photos. */
  editable?: boolean;
}

/** 照片: the workplace, the dormitory — tap one to see it big. The post's employer adds and removes them here. */
export function PostPhotos({ post, editable = false }: Props) {
  const [photos, setPhotos] = useState(post.photos);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (photos.length === 0 && !editable) return null;

  const add = async () => {
    if (busy) return;
    const picked = await pickPhoto();
    if (!picked) return;
    if (picked.size > 2 * 1024 * 1024) return setError('照片太大了：每张最大2MB，请选小一点的');
    setBusy(true);
    setError('');
    try {
      const added = await uploadPostPhoto(post.id, picked);
      setPhotos((ps) => [...ps, added]);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有传上去，请再试一次');
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    const ok = await Taro.showModal({ title: '删掉这张照片？', confirmText: '删掉', cancelText: '留着' });
    if (!ok.confirm) return;
    try {
      await request(`/posts/${post.id}/photos/${id}`, { method: 'DELETE', toast: false });
      setPhotos((ps) => ps.filter((p) => p.id !== id));
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有删掉，请再试一次');
    }
  };

  return (
    <View className='zg-card pp'>
      <View className='zg-card-title'>照片</View>
      <View className='pp-row'>
        {photos.map((ph) => (
          <View key={ph.id} className='pp-item'>
            <Image className='pp-img' src={full(ph.url)} mode='aspectFill' onClick={() => void Taro.previewImage({ current: full(ph.url), urls: photos.map((x) => full(x.url)) })} />
            {editable ? (
              <View className='pp-remove' onClick={() => void remove(ph.id)} aria-role='button' aria-label='删掉这张照片'>
                ×
              </View>
            ) : null}
          </View>
        ))}
      </View>
      {editable && photos.length < MAX ? (
        <Button className={busy ? 'zg-btn zg-btn-ghost zg-btn-block pp-add zg-btn-disabled' : 'zg-btn zg-btn-ghost zg-btn-block pp-add'} disabled={busy || undefined} onClick={() => void add()}>
          {busy ? '正在上传…' : `添加照片（还能加${MAX - photos.length}张）`}
        </Button>
      ) : null}
      {editable ? <View className='zg-small pp-note'>拍拍干活的地方、宿舍、食堂，求职的人看得更放心。</View> : null}
      {error ? <View className='zg-error pp-error'>{error}</View> : null}
    </View>
  );
}
