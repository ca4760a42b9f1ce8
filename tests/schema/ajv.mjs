// Independent check of schemas/fragment.schema.json: ajv (strict mode, the
// default) compiles it, validates every YAML file of every fixture and
// example (YAML read by the `yaml` package, not by fdr), and its verdict is
// compared with `fdr check --format json`, file by file and line by line.
//
// Usage: node ajv.mjs FDR_BINARY REPO_DIR
// Compared: the field-level diagnostics of check (every fdr::schema::* code
// and the rules the schema shares: ids, e-mails, amounts, dates, decimals)
// against ajv's errors, each placed on the line of the value (of the key
// for an unknown key). Cross-field checks (unknown references, duplicates,
// date order, budgets…) are beyond a JSON Schema and are not compared.
// Files fdr or `yaml` cannot read (YAML syntax, encoding) must be refused
// by both.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { LineCounter, parseDocument, isMap, isSeq } from "yaml";
import { readFileSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";

const [fdr, repo] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(path.join(repo, "schemas/fragment.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true }); // strict: true is ajv's default
addFormats(ajv);
const validate = ajv.compile(schema); // throws if strict mode refuses the schema

const FIELD_CODES = new Set([
  "fdr::id::invalide",
  "fdr::contact::email_invalide",
  "fdr::montant::invalide",
  "fdr::montant::non_positif",
  "fdr::date::invalide",
  "fdr::nombre::invalide",
]);
const isField = (code) => code.startsWith("fdr::schema::") || FIELD_CODES.has(code);
const isUnreadable = (code) => code.startsWith("fdr::yaml::") || code.startsWith("fdr::fichier::");

function yamlFiles(root, rel = "") {
  const out = [];
  for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    if (e.name.startsWith(".") || (rel === "" && (e.name === "templates" || e.name === "build"))) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...yamlFiles(root, r));
    else if (e.isFile() && /\.ya?ml$/.test(e.name)) out.push(r);
  }
  return out.sort();
}

function checkDiagnostics(dir) {
  let stdout;
  try {
    stdout = execFileSync(fdr, ["check", "--format", "json", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (e) {
    stdout = e.stdout; // exit 1: errors were found
  }
  return JSON.parse(stdout || "[]");
}

/// The node at a JSON pointer, walking the YAML document.
function nodeAt(doc, pointer) {
  let node = doc.contents;
  for (const raw of pointer.split("/").slice(1)) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (isSeq(node)) node = node.items[Number(seg)];
    else if (isMap(node)) node = node.items.find((p) => String(p.key?.value ?? p.key) === seg)?.value;
    else return undefined;
  }
  return node;
}

function ajvLines(doc, lc, errors) {
  const lines = new Set();
  for (const e of errors) {
    let node = nodeAt(doc, e.instancePath);
    if (e.keyword === "additionalProperties" && isMap(node)) {
      node = node.items.find((p) => String(p.key?.value ?? p.key) === e.params.additionalProperty)?.key ?? node;
    }
    const offset = node?.range?.[0] ?? 0;
    lines.add(lc.linePos(offset).line);
  }
  return lines;
}

const dirs = [];
for (const base of ["tests/fixtures", "examples"]) {
  for (const e of readdirSync(path.join(repo, base), { withFileTypes: true })) {
    if (e.isDirectory()) dirs.push(path.join(repo, base, e.name));
  }
}
dirs.sort();

/// The one rule the schema cannot carry: an amount written as an unquoted
/// decimal number (a YAML float) with more than two decimals. A JSON Schema
/// sees a binary float, whose decimals cannot be counted (`multipleOf: 0.01`
/// refuses 1.1 in ajv); `fdr check` reads the text as written.
function isFloatDecimals(d, lines) {
  if (d.code !== "fdr::montant::invalide") return false;
  const value = [...(lines[d.line - 1] ?? "")].slice(d.column - 1, d.end_column - 1).join("");
  return /^-?[0-9]+\.[0-9]{3,}$/.test(value);
}

let compared = 0;
const limits = [];
const mismatches = [];
for (const dir of dirs) {
  const diags = checkDiagnostics(dir);
  for (const rel of yamlFiles(dir)) {
    const mine = diags.filter((d) => d.file === `${dir}/${rel}` && d.severity === "erreur");
    const bytes = readFileSync(path.join(dir, rel));
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = null;
    }
    if (text !== null && text.trim() === "") continue; // an empty file: a warning, no document
    const lc = new LineCounter();
    let doc = null;
    let data;
    try {
      if (text === null) throw new Error("not UTF-8");
      doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
      if (doc.errors.length > 0) throw doc.errors[0];
      data = doc.toJS({ maxAliasCount: 100 });
    } catch {
      doc = null;
    }
    const fdrUnreadable = mine.some((d) => isUnreadable(d.code));
    const where = `${path.relative(repo, dir)}/${rel}`;
    compared += 1;
    if (doc === null || fdrUnreadable) {
      if ((doc === null) !== fdrUnreadable) {
        mismatches.push(`${where}: unreadable for ${doc === null ? "yaml" : "fdr"} only`);
      }
      continue;
    }
    const ok = validate(data);
    const theirs = ajvLines(doc, lc, ok ? [] : validate.errors);
    const lines = text.split(/\r?\n/);
    const known = mine.filter((d) => isFloatDecimals(d, lines));
    limits.push(...known.map((d) => `${where}:${d.line}`));
    const ours = new Set(mine.filter((d) => isField(d.code) && !known.includes(d)).map((d) => d.line));
    const a = [...theirs].sort((x, y) => x - y).join(",");
    const b = [...ours].sort((x, y) => x - y).join(",");
    if (a !== b) {
      const detail = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.message}`).join("; ");
      mismatches.push(`${where}: ajv refuses lines [${a}], fdr check [${b}] (${detail})`);
    }
  }
}

console.log(`ajv: ${compared} fichiers YAML comparés, ${mismatches.length} désaccord(s)`);
for (const l of limits) console.log(`  limite connue (montant décimal sans guillemets, plus de deux décimales) : ${l}`);
for (const m of mismatches) console.log(`  ${m}`);
process.exit(mismatches.length === 0 ? 0 : 1);
