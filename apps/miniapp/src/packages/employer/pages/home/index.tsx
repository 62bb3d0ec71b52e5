import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ComingSoon, type ComingSoonItem } from '../../../../components/ComingSoon';
import { HomeHeader } from '../../../../components/HomeHeader';
import { HomeLinks } from '../../../../components/HomeLinks';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { ROUTES } from '../../../../lib/routes';

const LATER: ComingSoonItem[] = [
  { name: '登记企业信息', desc: '填写企业名称和统一社会信用代码，等待认证' },
  { name: '发布招工信息', desc: '写清工种、工资、人数，审核后大家就能看到' },
  { name: '我发布的岗位', desc: '查看、修改、关闭自己的岗位' },
  { name: '报名的人', desc: '看谁报了名，约面试，录用' },
  { name: '推荐的人选', desc: '系统按工种、技能、距离推荐合适的人' },
  { name: '登记录用', desc: '人到岗后登记，算进全区新增就业人数' },
];

/** 企业 landing: a welcome, the public post list, and what later versions add. */
export default function EmployerHomePage() {
  return (
    <PageShell>
      <RoleGate role='employer'>
        {(user) => (
          <View>
            <HomeHeader user={user}>
              <View className='zg-text' style={{ marginTop: '12px' }}>
                欢迎来到枣工快递。在这里可以看到全区已经发布的招工信息。
              </View>
            </HomeHeader>
            <View className='zg-card'>
              <View className='zg-card-title'>看看大家在招什么人</View>
              <View className='zg-small'>全区已发布的岗位，谁都能看。</View>
              <View className='zg-gap' />
              <Button className='zg-btn zg-btn-block' onClick={() => void Taro.switchTab({ url: ROUTES.index })}>
                查看招工信息
              </Button>
            </View>
            <ComingSoon items={LATER} />
            <HomeLinks />
          </View>
        )}
      </RoleGate>
    </PageShell>
  );
}
