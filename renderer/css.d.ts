// Stylesheets are imported for their side effect (Vite bundles them): a module with no exports.
// The checker verifies that every other side-effect import resolves.
declare module '*.css';
