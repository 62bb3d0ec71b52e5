import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '@zaogong/shared';
import { ApiRequestError } from '../api/client';
import { api } from '../api/endpoints';
import { ConfirmSheet } from './ConfirmSheet';
import './HelpApplyButton.css';

interface Props {
  postId: string;
  postTitle: string;
  residentId: string;
  residentName: string;
  /** Where this person's application to this post stands already, if they have one. */
  status?: ApplicationStatus;
  onApplied: (status: ApplicationStatus) => void;
}

/**
 * 帮TA报名: a liaison applies for a resident of their area (after asking once, since the employer
 * then sees the person's name and phone). Inside a tappable card, so the tap stops here.
 */
export function HelpApplyButton({ postId, postTitle, residentId, residentName, status, onApplied }: Props) {
  const [asking, setAsking] = useState(false);

  if (status) {
    return (
      <View className='ha-done' onClick={(e) => e.stopPropagation()}>
        {status === 'invited' ? '企业邀请了TA，到「录用确认和村民投递」里替TA接受' : `已报名 · ${APPLICATION_STATUS_LABELS[status]}`}
      </View>
    );
  }

  const apply = async () => {
    try {
      const app = await api.apply({ postId, residentId }, { toast: false });
      onApplied(app.status);
      void Taro.showToast({ title: '已帮TA报名', icon: 'success', duration: 1500 });
    } catch (e) {
      if (!(e instanceof ApiRequestError && e.statusCode === 409 && 'existingId' in e.body)) throw e;
      onApplied('applied');
    }
    setAsking(false);
  };

  return (
    <View className='ha' onClick={(e) => e.stopPropagation()}>
      <Button className='zg-btn zg-btn-block ha-btn' onClick={() => setAsking(true)}>
        帮TA报名
      </Button>
      {asking ? (
        <ConfirmSheet title={`帮${residentName}报名？`} submitText='报名' cancelText='先不报' onClose={() => setAsking(false)} onSubmit={apply}>
          报「{postTitle}」。企业会看到{residentName}的<Text className='cs-strong'>姓名和电话</Text>，会打电话联系。请先问过本人愿意。
        </ConfirmSheet>
      ) : null}
    </View>
  );
}
