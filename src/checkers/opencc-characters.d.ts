// opencc-js ships its dictionaries as ES modules without types: "trad simp1 simp2|…".
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}
declare module 'opencc-js/dict/STCharacters' {
  const table: string;
  export default table;
}
