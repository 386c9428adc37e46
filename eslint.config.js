// Lint fails the build on any error or warning (`--max-warnings 0` in package.json).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import layers from "./lint/layers.js";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.d.ts", "examples/dev-zone/**/*.yaml"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", performance: "readonly" } },
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "ThrowStatement > NewExpression[callee.name='Error']", message: "Throw a typed YingshangError with a code, not a bare Error." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
      "no-eval": "error",
      "no-new-func": "error",
    },
  },
  // The dependency rule: a stage imports only from stages before it (lint/layers.js, docs/architecture.md).
  { files: ["src/**/*.ts"], plugins: { layers }, rules: { "layers/layers": "error" } },
);
