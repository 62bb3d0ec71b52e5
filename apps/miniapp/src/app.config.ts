export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/post/index',
    'pages/login/index',
    'pages/me/index',
    'pages/profile/index',
    'pages/applications/index',
    'pages/messages/index',
    'pages/notification-settings/index',
  ],
  subPackages: [
    { root: 'packages/employer', pages: ['pages/home/index', 'pages/register/index', 'pages/post-form/index', 'pages/candidates/index', 'pages/applicants/index'] },
    {
      root: 'packages/liaison',
      pages: [
        'pages/home/index',
        'pages/residents/index',
        'pages/resident-form/index',
        'pages/resident/index',
        'pages/import/index',
        'pages/matches/index',
        'pages/fitters/index',
        'pages/hires/index',
      ],
    },
    {
      root: 'packages/admin',
      pages: [
        'pages/home/index',
        'pages/labor-map/index',
        'pages/review/index',
        'pages/employers/index',
        'pages/reports/index',
        'pages/dashboard/index',
        'pages/deliveries/index',
      ],
    },
  ],
  // WeChat asks for these to be declared before getLocation (离我最近) and chooseLocation (the post form) work.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '用于查找离您最近的工作，和标出招工地点' } },
  window: {
    navigationBarTitleText: '枣工快递',
    navigationBarBackgroundColor: '#0b5cad',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#3d3d3d',
    selectedColor: '#0b5cad',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '找工作',
        iconPath: 'assets/tab/jobs.png',
        selectedIconPath: 'assets/tab/jobs-active.png',
      },
      {
        pagePath: 'pages/messages/index',
        text: '消息',
        iconPath: 'assets/tab/messages.png',
        selectedIconPath: 'assets/tab/messages-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
});
