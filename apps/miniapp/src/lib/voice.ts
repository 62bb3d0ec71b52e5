import Taro from '@tarojs/taro';

/**
 * The two voice helpers for people who read little: recognition (说话) and speech (读给我听).
 * WeChat: the 微信同声传译 plugin (WechatSI, declared in app.config.ts for the weapp build only).
 * Browser: the Web Speech API where the browser has it; without it the buttons are not shown.
 */

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
/** The plugin's speech is refused above about 1000 bytes of UTF-8: ~300 Chinese characters. */
const WEAPP_TTS_MAX = 300;

interface WechatSIRecorder {
  start(options: { duration?: number; lang?: string }): void;
  stop(): void;
  onStop: ((res: { result?: string }) => void) | null;
  onError: ((res: { retcode?: number; msg?: string }) => void) | null;
}
interface WechatSI {
  getRecordRecognitionManager(): WechatSIRecorder;
  textToSpeech(options: {
    lang: string;
    tts: boolean;
    content: string;
    success: (res: { filename?: string }) => void;
    fail: (res: unknown) => void;
  }): void;
}
declare const requirePlugin: ((name: string) => unknown) | undefined;

function wechatSI(): WechatSI | null {
  if (!IS_WEAPP || typeof requirePlugin !== 'function') return null;
  try {
    return requirePlugin('WechatSI') as WechatSI;
  } catch {
    return null;
  }
}

// ---- recognition -------------------------------------------------------------------------------

interface BrowserRecognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onerror: ((e: { error?: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionCtor = new () => BrowserRecognition;

function browserRecognition(): RecognitionCtor | null {
  if (IS_WEAPP || typeof window === 'undefined') return null;
  const w = window as unknown as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

/** Whether 说话 can work here (WeChat always has the plugin; a browser may not have recognition). */
export function canRecognise(): boolean {
  return IS_WEAPP || browserRecognition() !== null;
}

export interface Listening {
  /** Ends listening; what was heard so far still arrives through onText. */
  stop(): void;
}

/**
 * Starts listening (Mandarin). `onText` gets what was heard (possibly nothing), `onEnd` is called once
 * when listening is over, with an error message when it failed.
 */
export function startListening(onText: (text: string) => void, onEnd: (error?: string) => void): Listening | null {
  if (IS_WEAPP) {
    const si = wechatSI();
    if (!si) return null;
    const manager = si.getRecordRecognitionManager();
    manager.onStop = (res) => {
      onText(res.result ?? '');
      onEnd();
    };
    manager.onError = () => onEnd('没有听清，请再说一次');
    manager.start({ duration: 30_000, lang: 'zh_CN' });
    return { stop: () => manager.stop() };
  }
  const Ctor = browserRecognition();
  if (!Ctor) return null;
  const rec = new Ctor();
  rec.lang = 'zh-CN';
  rec.continuous = false;
  rec.interimResults = false;
  rec.maxAlternatives = 1;
  let failed: string | undefined;
  rec.onresult = (e) => {
    const heard = Array.from(e.results)
      .map((r) => r[0]?.transcript ?? '')
      .join('');
    onText(heard);
  };
  rec.onerror = (e) => {
    failed = e.error === 'not-allowed' || e.error === 'service-not-allowed' ? '请允许使用麦克风，再点“说话”' : '没有听清，请再说一次';
  };
  rec.onend = () => onEnd(failed);
  try {
    rec.start();
  } catch {
    return null;
  }
  return { stop: () => rec.stop() };
}

// ---- speech ------------------------------------------------------------------------------------

/** Whether 读给我听 can work here. */
export function canSpeak(): boolean {
  if (IS_WEAPP) return true;
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function';
}

export interface Speaking {
  stop(): void;
}

/** Reads `text` aloud in Mandarin; `onEnd` once when it has finished, was stopped, or failed. */
export function speak(text: string, onEnd: (error?: string) => void): Speaking | null {
  let over = false;
  const end = (error?: string) => {
    if (over) return;
    over = true;
    onEnd(error);
  };
  if (IS_WEAPP) {
    const si = wechatSI();
    if (!si) return null;
    const audio = Taro.createInnerAudioContext();
    let stopped = false;
    audio.onEnded(() => {
      audio.destroy();
      end();
    });
    audio.onError(() => {
      audio.destroy();
      end('没有读出来，请再试一次');
    });
    si.textToSpeech({
      lang: 'zh_CN',
      tts: true,
      content: text.slice(0, WEAPP_TTS_MAX),
      success: (res) => {
        if (stopped) return;
        if (!res.filename) return end('没有读出来，请再试一次');
        audio.src = res.filename;
        audio.play();
      },
      fail: () => end('没有读出来，请再试一次'),
    });
    return {
      stop: () => {
        stopped = true;
        audio.stop();
        audio.destroy();
        end();
      },
    };
  }
  if (!canSpeak()) return null;
  const synth = window.speechSynthesis;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'zh-CN';
  utterance.rate = 0.9;
  utterance.onend = () => end();
  utterance.onerror = () => end();
  synth.speak(utterance);
  return {
    stop: () => {
      synth.cancel();
      end();
    },
  };
}
