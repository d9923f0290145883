// generate.mjs derives the name lists embedded by package gate from three
// sources (see SOURCES.md). It needs no network once the sources are unpacked:
//
//   cd /tmp/names
//   npm pack @faker-js/faker@10.6.0 @cspell/dict-people-names@1.1.16
//   npm install --no-save --ignore-scripts ./faker-js-faker-10.6.0.tgz
//   tar xzf cspell-dict-people-names-1.1.16.tgz        # -> package/dict/people-names.txt
//   apt-get download wamerican && dpkg-deb -x wamerican_*.deb wam
//   node /path/to/gate/data/generate.mjs /tmp/names/package/dict/people-names.txt \
//        /tmp/names/wam/usr/share/dict/american-english /path/to/gate/data
//
// Output, one name a line, sorted:
//   first.txt         given names that are not ordinary English words (Olivia, Katrine)
//   first-common.txt  given names that are also ordinary words (Tom, Grace, Will)
//   last.txt          surnames that are not ordinary English words (Harris, Yefremova)
//   common.txt        ordinary English words (lower case), to tell names from words
import { allLocales } from '@faker-js/faker';
import fs from 'fs';
import path from 'path';

const [cspellFile, wordsFile, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node generate.mjs PEOPLE_NAMES WORDS OUTDIR');
  process.exit(2);
}

// Ordinary words: the lowercase entries of the SCOWL American English list.
const common = new Set(
  fs.readFileSync(wordsFile, 'utf8').split('\n').filter((w) => /^[a-z]+$/.test(w)),
);

// A usable name token: one word of letters (any script, inner ' or - allowed),
// starting with an upper-case letter, at least two letters long.
const token = /^\p{Lu}[\p{L}\p{M}'’-]*\p{L}$/u;

function collect(values, into) {
  for (const v of values.flat(Infinity)) {
    if (typeof v !== 'string') continue;
    for (const part of v.split(/\s+/)) {
      if (token.test(part)) into.add(part.normalize('NFC'));
    }
  }
}

function flatten(v) {
  if (!v) return [];
  if (Array.isArray(v)) return v.flatMap(flatten);
  if (typeof v === 'object') return Object.values(v).flatMap(flatten);
  return [v];
}

const first = new Set();
const last = new Set();
for (const locale of Object.values(allLocales)) {
  const person = locale.person || {};
  collect(flatten(person.first_name), first);
  collect(flatten(person.last_name), last);
}
collect(fs.readFileSync(cspellFile, 'utf8').split('\n').filter((l) => !l.startsWith('#')), last);

const isCommon = (n) => common.has(n.toLowerCase());
const write = (name, list) =>
  fs.writeFileSync(path.join(outDir, name), [...list].sort().join('\n') + '\n');

write('first.txt', [...first].filter((n) => !isCommon(n)));
write('first-common.txt', [...first].filter(isCommon));
write('last.txt', [...last].filter((n) => !isCommon(n) && !first.has(n)));
write('common.txt', common);
console.log('first', first.size, 'last', last.size);
