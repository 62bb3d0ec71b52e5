import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

/** libs/shared lives outside this app; Taro's babel rule only covers src/ unless told otherwise. */
const sharedSrc = path.resolve(__dirname, '../../../libs/shared/src');
const tsconfigFile = path.resolve(__dirname, '../tsconfig.json');
/**
 * tsconfig.base.json has `paths` without `baseUrl`, so TypeScript reads them relative to the repo
 * root; tsconfig-paths would read them relative to apps/miniapp, hence the explicit baseUrl.
 */
const repoRoot = path.resolve(__dirname, '../../..');

/**
 * API base URL baked in at build time. Empty means "use the platform default"
 * (H5: same origin `/api/v1`; weapp: http://127.0.0.1:3000/api/v1), see src/api/client.ts.
 */
const apiBase = process.env.TARO_APP_API_BASE ?? '';

/**
 * npm workspaces hoist some @tarojs/* packages to the root node_modules and keep others (e.g.
 * @tarojs/plugin-framework-react, @tarojs/taro) in apps/miniapp/node_modules; a hoisted package
 * must still find the ones left here, so this folder is a fallback module directory.
 */
const appModules = path.resolve(__dirname, '../node_modules');

/** The folder of package `name` as Node resolves it from `fromPackage` (default: this app). */
function packageDir(name: string, fromPackage?: string): string {
  const base = fromPackage ? path.dirname(require.resolve(`${fromPackage}/package.json`)) : path.resolve(__dirname, '..');
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [base] }));
}

/** The part of webpack-chain used here (its types come through @tarojs/taro, not resolvable from every tsc root). */
interface UseLike {
  get(key: 'loader'): unknown;
  tap(fn: (options: Record<string, unknown> | undefined) => Record<string, unknown>): unknown;
}
interface RuleLike {
  uses: { values(): UseLike[] };
  oneOfs: { values(): RuleLike[] };
}
interface ChainLike {
  resolve: {
    modules: { add(dir: string): unknown };
    alias: { set(key: string, value: string): unknown };
    plugin(name: string): { use(plugin: unknown, args?: unknown[]): unknown };
  };
  module: { rules: { values(): RuleLike[] } };
  optimization: {
    get(key: 'splitChunks'): Record<string, unknown> | false | undefined;
    splitChunks(options: Record<string, unknown>): unknown;
  };
}
type Merge = (...configs: Array<object | null | undefined>) => object;

/**
 * postcss-loader takes `postcss` from wherever npm hoisted it, and the root copy can be PostCSS 7
 * (a dependency of miniprogram-simulate). Taro's PostCSS plugins need 8: hand the loader the copy
 * this app resolves.
 */
function usePostcss8(chain: ChainLike): void {
  const dir = packageDir('postcss');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require(path.join(dir, 'package.json')) as { version: string };
  if (Number(version.split('.')[0]) < 8) {
    throw new Error(`apps/miniapp resolves postcss ${version} from ${dir}; Taro needs PostCSS 8`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const postcss: unknown = require(dir);
  const visit = (rule: RuleLike): void => {
    for (const use of rule.uses.values()) {
      if (String(use.get('loader')).includes('postcss-loader')) {
        use.tap((options) => ({ ...options, implementation: postcss }));
      }
    }
    rule.oneOfs.values().forEach(visit);
  };
  chain.module.rules.values().forEach(visit);
}

function commonChain(chain: ChainLike): void {
  chain.resolve.modules.add('node_modules');
  chain.resolve.modules.add(appModules);
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin, [{ configFile: tsconfigFile, baseUrl: repoRoot }]);
  usePostcss8(chain);
}

function h5Chain(chain: ChainLike): void {
  commonChain(chain);
  // The H5 platform plugin resolves @tarojs/router from the app folder; npm may have nested it
  // under @tarojs/taro-h5 instead, so point the alias at wherever taro-h5 gets it from.
  chain.resolve.alias.set('@tarojs/router$', packageDir('@tarojs/router', '@tarojs/taro-h5'));
  // Pages are loaded on demand; let them share Taro's H5 components and APIs instead of each
  // page chunk carrying its own copy.
  const splitChunks = chain.optimization.get('splitChunks');
  if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
}

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge: Merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zaogong-kuaidi',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `../../dist/apps/miniapp/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain: commonChain,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSrc] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain: h5Chain,
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
