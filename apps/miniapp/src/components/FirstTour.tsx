import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Role } from '@zaogong/shared';
import { useSession } from '../hooks/useSession';
import { homeOf } from '../lib/routes';
import './FirstTour.css';

interface Step {
  /** A simple picture: one big word on a coloured circle (any phone's font draws it; emoji fonts vary). */
  pic: string;
  text: string;
}

const STEPS: Record<Role, Step[]> = {
  seeker: [
    { pic: '看', text: '这里是附近的招工，往下翻挑合适的活。' },
    { pic: '问', text: '看中了点“报名”，也可以直接打电话问。' },
    { pic: '填', text: '在“我的”里填好档案，有合适的活会告诉您。' },
  ],
  employer: [
    { pic: '发', text: '点“发布岗位”，写清干什么活、给多少钱。' },
    { pic: '报', text: '有人报名，会在这里告诉您。' },
    { pic: '用', text: '看看报名的人，合适就录用。' },
  ],
  liaison: [
    { pic: '登', text: '点“登记居民”，把想找活的乡亲登记进来。' },
    { pic: '存', text: '没有信号也能填，有网了会自动发送。' },
    { pic: '帮', text: '有合适的活，帮乡亲报名、打电话。' },
  ],
  admin: [
    { pic: '看', text: '这里能看到全区找活的人和招工的岗位。' },
    { pic: '审', text: '企业和岗位要您审核后才能用。' },
    { pic: '统', text: '统计和报表都在首页下面。' },
  ],
};

/** The storage flag of one role's tour: shown once per role on this phone. */
export const tourKeyOf = (role: Role): string => `zg.tour.${role}`;

/**
 * First use: three short steps over the role's home page the first time that role logs in here
 * (big text, a simple picture each, 下一步 / 知道了). Rendered by PageShell; shows only on the home page.
 */
export function FirstTour() {
  const user = useSession();
  const { path } = useRouter();
  const role = user?.role;
  const onHome = Boolean(role) && (path ?? '').split('?')[0].replace(/^\//, '') === (role ? homeOf(role).replace(/^\//, '') : '');
  const [step, setStep] = useState(0);
  const [done, setDone] = useState(false);
  if (!role || !onHome || done || Taro.getStorageSync(tourKeyOf(role)) === true) return null;
  const steps = STEPS[role];
  const finish = () => {
    Taro.setStorageSync(tourKeyOf(role), true);
    setDone(true);
  };
  const last = step === steps.length - 1;
  const s = steps[step];
  return (
    <View className='zg-tour-mask' catchMove aria-role='dialog' aria-label='第一次使用'>
      <View className='zg-tour'>
        <View className='zg-tour-step'>
          第 {step + 1} 步，共 {steps.length} 步
        </View>
        <View className={`zg-tour-pic zg-tour-pic-${step}`}>{s.pic}</View>
        <View className='zg-tour-text'>{s.text}</View>
        <View className='zg-tour-dots'>
          {steps.map((_, i) => (
            <View key={i} className={i === step ? 'zg-tour-dot zg-tour-dot-on' : 'zg-tour-dot'} />
          ))}
        </View>
        {last ? (
          <Button className='zg-btn zg-btn-block zg-tour-btn' onClick={finish}>
            知道了
          </Button>
        ) : (
          <View>
            <Button className='zg-btn zg-btn-block zg-tour-btn' onClick={() => setStep(step + 1)}>
              下一步
            </Button>
            <View className='zg-tour-skip' onClick={finish} aria-role='button'>
              知道了，不用看了
            </View>
          </View>
        )}
      </View>
    </View>
  );
}
