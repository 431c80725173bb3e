// angular.json maps `.svg` imports to esbuild's text loader: the import is the file's markup.
declare module '*.svg' {
  const markup: string;
  export default markup;
}
