import { useEffect, type ReactNode } from 'react';
import { ScrollView, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { currentRoute, ROUTES } from '../lib/routes';
import './Sheet.css';

const TAB_ROUTES: readonly string[] = [ROUTES.index, ROUTES.me];

/**
 * H5 draws its tab bar above the page, where it would cover the sheet's buttons: hide it while the
 * sheet is open. WeChat draws its tab bar outside the page, so nothing is needed there.
 */
function useHiddenTabBar(): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || !TAB_ROUTES.includes(`/${currentRoute().replace(/^\//, '')}`)) return;
    Taro.hideTabBar({ animation: false }).catch(() => undefined);
    return () => {
      Taro.showTabBar({ animation: false }).catch(() => undefined);
    };
  }, []);
}

interface SheetProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Kept under the scrolling content, always in reach: 确定, 提交 … */
  footer?: ReactNode;
}

/**
 * A panel that rises from the bottom over a dimmed page: pickers and short forms (举报, 驳回原因).
 * Tapping the dimmed part or 关闭 closes it. Render it inside `PageShell` so 大字模式 applies.
 */
export function Sheet({ title, onClose, children, footer }: SheetProps) {
  useHiddenTabBar();
  return (
    // catchMove: in WeChat the page behind must not scroll while the sheet is open.
    <View className='zg-sheet-mask' onClick={onClose} catchMove>
      <View className='zg-sheet' onClick={(e) => e.stopPropagation()} aria-role='dialog' aria-label={title}>
        <View className='zg-sheet-head'>
          <View className='zg-sheet-title'>{title}</View>
          <View className='zg-sheet-close' onClick={onClose} aria-role='button'>
            关闭
          </View>
        </View>
        <ScrollView scrollY className='zg-sheet-body'>
          {children}
        </ScrollView>
        {footer ? <View className='zg-sheet-foot'>{footer}</View> : null}
      </View>
    </View>
  );
}

interface OptionProps {
  label: string;
  /** A plain explanation under the label. */
  desc?: string;
  on: boolean;
  onTap: () => void;
  /** One of several that may be chosen together (a tick box rather than a single choice). */
  multi?: boolean;
}

/** One big choice in a sheet; the chosen one is marked with a tick, not by colour alone. */
export function SheetOption({ label, desc, on, onTap, multi }: OptionProps) {
  return (
    <View
      className={on ? 'zg-sheet-option zg-sheet-option-on' : 'zg-sheet-option'}
      onClick={onTap}
      aria-role={multi ? 'checkbox' : 'radio'}
      aria-checked={on}
    >
      <View className='zg-sheet-option-text'>
        <View className='zg-sheet-option-label'>{label}</View>
        {desc ? <View className='zg-sheet-option-desc'>{desc}</View> : null}
      </View>
      <View className='zg-sheet-option-mark'>{on ? '✓' : ''}</View>
    </View>
  );
}
