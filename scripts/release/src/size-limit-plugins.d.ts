// The size-limit plugins ship no declarations; sizes.ts only hands them to size-limit's API.
declare module "@size-limit/esbuild" {
  const plugin: object[];
  export default plugin;
}
declare module "@size-limit/file" {
  const plugin: object[];
  export default plugin;
}
