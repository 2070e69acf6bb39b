// The yaml package's parser as an ES module of our own: imported lazily (only a file with a
// placeholder candidate needs it), and a dynamic import of the bundled CommonJS package itself
// yields a wrapper with only `default` (measured: "LineCounter is not a constructor").
export { LineCounter, parseDocument, Scalar, visit } from "yaml";
