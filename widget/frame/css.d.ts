// esbuild bundles imported CSS into frame.css beside frame.js.
declare module '*.css';
