declare module 'virtual:governorate-map' {
  const map: import('../../build/governorateMap.ts').GovernorateMap;
  export default map;
}
