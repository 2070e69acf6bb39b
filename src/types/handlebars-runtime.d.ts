// handlebars/runtime.js is Handlebars without its compiler; its own declaration file is empty.
declare module "handlebars/runtime.js" {
  const runtime: typeof import("handlebars");
  export default runtime;
}
