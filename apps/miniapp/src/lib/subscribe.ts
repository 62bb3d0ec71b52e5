import Taro from '@tarojs/taro';
import type { SubscriptionTemplate, TemplateKind } from '@zaogong/shared';
import { api } from '../api/endpoints';
import { getUser } from './session';

/** WeChat shows at most three templates in one consent dialog. */
const MAX_PER_ASK = 3;
const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** What a seeker is asked to accept after applying. */
export const SEEKER_KINDS: readonly TemplateKind[] = ['interview', 'application_update', 'hire_confirm'];
/** What an employer is asked to accept after sending a post to review. */
export const EMPLOYER_KINDS: readonly TemplateKind[] = ['application_update', 'post_review', 'hire_confirm'];

let cache: { userId: string; templates: Promise<SubscriptionTemplate[]> } | null = null;

/** The templates this user may be asked to accept, fetched once per signed-in user ([] on failure). */
export function subscriptionTemplates(): Promise<SubscriptionTemplate[]> {
  const userId = getUser()?.id;
  if (!userId) return Promise.resolve([]);
  if (!cache || cache.userId !== userId) {
    const templates = api.subscriptionTemplates({ toast: false }).then(
      (r) => r.items,
      () => {
        cache = null;
        return [];
      },
    );
    cache = { userId, templates };
  }
  return cache.templates;
}

/**
 * WeChat's consent dialog for `templateIds`; the ids the user accepted are told to the API (each
 * acceptance allows one message). WeChat opens the dialog only from a tap, so call this straight from
 * a tap handler or a modal's confirm callback, never after awaiting something else.
 * Resolves to the accepted ids ([] when refused, failed, or outside WeChat).
 */
export function requestSubscriptions(templateIds: readonly string[]): Promise<string[]> {
  if (!IS_WEAPP || templateIds.length === 0) return Promise.resolve([]);
  const tmplIds = templateIds.slice(0, MAX_PER_ASK);
  return new Promise((resolve) => {
    // Taro's type asks for Alipay's entityIds as well; WeChat takes tmplIds only.
    const option = {
      tmplIds,
      success: (res: Taro.requestSubscribeMessage.SuccessCallbackResult) => {
        const accepted = tmplIds.filter((id) => res[id] === 'accept');
        if (accepted.length === 0) {
          resolve([]);
          return;
        }
        api.acceptSubscriptions({ templateIds: accepted }, { toast: false }).then(
          () => resolve(accepted),
          () => resolve([]),
        );
      },
      fail: () => resolve([]),
    } as unknown as Taro.requestSubscribeMessage.Option;
    Taro.requestSubscribeMessage(option).catch(() => undefined);
  });
}

export interface AskOptions {
  /** The dialog's title, e.g. 报名成功 (WeChat shows about seven characters). */
  title: string;
  /** What just happened and when they would be told, before "用微信通知您吗？", e.g. "报名成功！企业约面试时，". */
  lead?: string;
}

export interface AskResult {
  /** Whether a dialog was shown (the caller shows its own message otherwise). */
  shown: boolean;
  accepted: string[];
}

/**
 * After an action whose outcome the user will want to hear about (applying, sending a post to review):
 * a plain question first, and on 好的 WeChat's own consent dialog for the templates of `kinds` (at
 * most three). Does nothing outside WeChat or when no template of those kinds is configured.
 */
export async function askSubscribe(kinds: readonly TemplateKind[], options: AskOptions): Promise<AskResult> {
  if (!IS_WEAPP) return { shown: false, accepted: [] };
  const templates = (await subscriptionTemplates()).filter((t) => kinds.includes(t.kind)).slice(0, MAX_PER_ASK);
  if (templates.length === 0) return { shown: false, accepted: [] };
  const what = templates.map((t) => t.title).join('、');
  const content = `${options.lead ?? '有新消息时，'}用微信通知您吗？（${what}）下一步请点“允许”。`;
  return new Promise((resolve) => {
    Taro.showModal({
      title: options.title,
      content,
      confirmText: '好的',
      cancelText: '不用了',
      success: (res) => {
        if (!res.confirm) {
          resolve({ shown: true, accepted: [] });
          return;
        }
        // Inside the confirm callback: WeChat counts this as the user's tap.
        void requestSubscriptions(templates.map((t) => t.templateId)).then((accepted) => resolve({ shown: true, accepted }));
      },
      fail: () => resolve({ shown: false, accepted: [] }),
    }).catch(() => undefined);
  });
}
