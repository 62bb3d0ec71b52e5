/** GET /posts: a keyword that finds fewer posts than this also gets 你是不是要找 suggestions. */
export const SUGGEST_BELOW = 5;
/** 有了告诉我: saved searches one person may keep. */
export const SAVED_SEARCHES_MAX = 10;
