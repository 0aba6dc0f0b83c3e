#!/usr/bin/env node
// `pnpm check:boundaries`: every relative import, require, dynamic import, triple-slash reference and
// `new URL("…", import.meta.url)` whose target lies in another workspace package than the file's own. Across
// packages, code goes through package names (`@clientele/registry/registry`), never `../../`.
import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "@clientele/registry/root";
import ts from "typescript";
import { packageOf, workspacePackages } from "./workspace.js";

export interface Crossing {
  /** The importing file and line, relative to the root. */
  file: string;
  line: number;
  specifier: string;
  /** The target, relative to the root, and the package it lies in. */
  target: string;
  from: string;
  into: string;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIP = new Set(["node_modules", "dist", ".git", ".artifacts", "generated"]);
const URL_ESCAPE = /new URL\(\s*(["'`])([^"'`]+)\1\s*,\s*import\.meta\.url\s*\)/g;

function sourceFiles(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = posix.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** Each relative specifier in a file's text, with its 1-based line. */
export function relativeSpecifiers(text: string): { specifier: string; line: number }[] {
  const info = ts.preProcessFile(text, true, true);
  const found = [...info.importedFiles, ...info.referencedFiles].map((f) => ({ specifier: f.fileName, pos: f.pos }));
  for (const match of text.matchAll(URL_ESCAPE)) found.push({ specifier: match[2] as string, pos: match.index });
  const lineOf = (pos: number) => text.slice(0, pos).split("\n").length;
  return found
    .filter(({ specifier }) => specifier.startsWith("./") || specifier.startsWith("../") || specifier === "..")
    .map(({ specifier, pos }) => ({ specifier, line: lineOf(pos) }))
    .sort((a, b) => a.line - b.line);
}

/** Every crossing in the workspace under `root`, in file order. */
export function findCrossings(root: string): Crossing[] {
  const packages = workspacePackages(root);
  return packages.flatMap((from) =>
    sourceFiles(root, from).flatMap((file) =>
      relativeSpecifiers(readFileSync(join(root, file), "utf8")).flatMap(({ specifier, line }) => {
        const target = posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\/$/, "");
        const into = packageOf(packages, target);
        return into && into !== from ? [{ file, line, specifier, target, from, into }] : [];
      }),
    ),
  );
}

export function describeCrossing({ file, line, specifier, target, into }: Crossing): string {
  return `${file}:${line}: "${specifier}" reaches into ${into} (${target}); import it by package name`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const crossings = findCrossings(process.argv[2] ?? repoRoot);
  for (const crossing of crossings) console.error(describeCrossing(crossing));
  console.log(`boundaries: ${crossings.length} relative import(s) cross a package boundary`);
  process.exit(crossings.length > 0 ? 1 : 0);
}
