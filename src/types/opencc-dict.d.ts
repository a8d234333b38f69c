// opencc-js ships its dictionaries as modules of one string (`繁 简|…`) without types.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
