type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export interface FeatureMessages<T> {
  en: T;
  'zh-CN': Widen<T>;
}

/** A feature's strings: the zh-CN object must have exactly the keys of the English one. */
export function defineMessages<const T extends object>(en: T, zhCN: Widen<T>): FeatureMessages<T> {
  return { en, 'zh-CN': zhCN };
}
