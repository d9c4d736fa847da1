// Stylesheets imported for their side effect; Vite emits them as files (no inline styles under the CSP).
declare module '*.css';
