import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', 'coverage/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Configuration is read once in src/config; everything else receives it injected.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in src/config only.' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: [
      'src/config/**',
      'test/**',
      'bench/**',
      'scripts/**',
      'src/**/cli.ts',
      '*.js',
      'src/**/*-cli.ts',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-console': 'off' },
  },
  // The public pages and the embeddable form run in browsers (web/, built by Vite).
  {
    files: ['web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    ...jsxA11y.flatConfigs.recommended,
    plugins: {
      ...reactHooks.configs.flat.recommended.plugins,
      ...jsxA11y.flatConfigs.recommended.plugins,
    },
    languageOptions: {
      ...jsxA11y.flatConfigs.recommended.languageOptions,
      globals: { ...globals.browser },
    },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    files: ['web/vite.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  prettier,
);
