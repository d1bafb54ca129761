/** Style sheets bundled as text (webpack `asset/source`), injected by the module that needs them. */
declare module "*.css" {
  const text: string;
  export default text;
}
