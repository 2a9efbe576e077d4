import path from 'node:path';
import { ALLOWED_IMPORTS } from './folder-rules.js';
import { importedFolder, topLevelFolder } from './import-targets.js';

/**
 * ESLint rule: an import from one top-level folder into another must be allowed by ALLOWED_IMPORTS. Relative
 * specifiers are resolved against the importing file, so the verdict follows the file that is really imported.
 */
export const folderBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Top-level folders import only what folder-rules.js allows.' },
    schema: [],
    messages: {
      forbidden:
        '{{from}}/ may not import {{to}}/ (allowed: {{allowed}}). Move what both need into contract/.',
    },
  },
  create(context) {
    const root = context.cwd;
    const importer = path.relative(root, context.filename);
    const from = topLevelFolder(importer);
    const allowed = from === undefined ? undefined : ALLOWED_IMPORTS[from];
    if (allowed === undefined) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const to = importedFolder(root, importer, source.value);
      if (to === undefined || to === from || allowed.includes(to)) return;
      context.report({
        node,
        messageId: 'forbidden',
        data: { from, to, allowed: allowed.length > 0 ? allowed.join(', ') : 'no other folder' },
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { 'folder-boundaries': folderBoundaries } };
