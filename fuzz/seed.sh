#!/usr/bin/env bash
# Recrée les corpus de départ des cibles de fuzzing (fuzz/corpus/, ignoré
# par git) à partir des fixtures, des exemples et des régressions gardées.
#
#   pipeline : un fichier par dossier de tests/fixtures/*/ et examples/*/,
#              ses fragments YAML joints par le séparateur « \n#---\n » et son
#              premier texte Markdown en dernier morceau (marqué « #md »),
#              les renvois `fichier: textes/….md` réécrits vers textes/t.md
#              (voir common/split.rs) ; plus chaque fragment seul.
#   markdown : textes Markdown hostiles, plus les textes des exemples.
#
# Usage : fuzz/seed.sh (depuis n'importe quel dossier).
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")"
root=..
pipe=corpus/pipeline
md=corpus/markdown
mkdir -p "$pipe" "$md"

sep() { printf '\n#---\n' >>"$1"; }

for d in "$root"/tests/fixtures/*/ "$root"/examples/*/; do
    name=$(basename "$d")
    mapfile -t yamls < <(find "$d" \( -name build -o -name templates \) -prune \
        -o -type f \( -name '*.yaml' -o -name '*.yml' \) -print | sort)
    [ "${#yamls[@]}" -gt 0 ] || continue
    text=$(find "$d" -path '*/textes/*' -type f -name '*.md' | sort | head -n1)
    f="$pipe/$name"
    : >"$f"
    first=1
    for y in "${yamls[@]}"; do
        [ "$first" = 1 ] || sep "$f"
        first=0
        if [ -n "$text" ]; then
            sed -E 's#(fichier: *)textes/[^ }]*\.md#\1textes/t.md#g' "$y" >>"$f"
        else
            cat "$y" >>"$f"
        fi
    done
    if [ -n "$text" ]; then
        sep "$f"
        printf '#md\n' >>"$f"
        cat "$text" >>"$f"
    fi
    if [ "${#yamls[@]}" -gt 1 ]; then
        for y in "${yamls[@]}"; do
            cp "$y" "$pipe/$name--$(basename "$y")"
        done
    fi
done

# Textes des exemples et des fixtures.
find "$root"/examples "$root"/tests/fixtures -path '*/textes/*' -type f -name '*.md' \
    -not -path '*/build/*' | while read -r t; do
    cp "$t" "$md/texte--$(echo "$t" | tr '/.' '__')"
done

# Markdown hostile.
hostile() { cat >"$md/hostile-$1"; }
hostile script <<'EOF'
<script>alert(1)</script>

Texte <SCRIPT src=//x.example/a.js></SCRIPT> et <scr<script>ipt>alert(1)</script>
EOF
hostile liens-javascript <<'EOF'
[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c]( javascript:alert(1) )
[d](java&#x09;script:alert(1)) [e](&#106;avascript:alert(1)) [f](javascript&colon;alert(1))
[g](vbscript:msgbox(1)) [h](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
<javascript:alert(1)> ![i](javascript:alert(1)) [j](<javascript:alert(1)>)
EOF
hostile reference <<'EOF'
[x][r] et [y] et ![z][r]

[r]: javascript:alert(1) "titre"
[y]: <java script:alert(1)>
EOF
hostile html-brut <<'EOF'
"><img src=x onerror=alert(1)>

<a href="javascript:alert(1)">x</a> <svg/onload=alert(1)> <iframe src="https://x.example"></iframe>

<div onclick="alert(1)">

*bloc*

</div>
<!-- commentaire --><style>*{}</style>
EOF
hostile attributs <<'EOF'
[x](https://a.example "\"onmouseover=alert(1) x=\"") ![alt" onerror="alert(1)](https://a.example/i.png)
``` "><script>alert(1)</script>
code <script>
```
| a | <b onclick=x> |
|:-:|--:|
| `<script>` | [t](#action:x) |
EOF
hostile renvois <<'EOF'
# Titre

[](#action:x) [libellé](#action:x) [](#action:inconnu) [](#:) [](#) [](#action:x:y)

###### h6

####### pas un titre
EOF
hostile imbrication <<'EOF'
> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > deep
- a
  - b
    - c
      - d
        1. e
           2) f
***gras et italique*** ~~barré~~ __*x*__ [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]
EOF
hostile entites <<'EOF'
&lt;script&gt; &#60;script&#62; &#x3C;script&#x3E; &amp;lt;script&amp;gt; &#0; &#xFFFFFF; \<script>
EOF

# Les régressions gardées rejoignent les corpus.
for target in pipeline markdown; do
    if [ -d "regressions/$target" ]; then
        find "regressions/$target" -type f -exec cp {} "corpus/$target/" \;
    fi
done

echo "pipeline : $(find "$pipe" -type f | wc -l) fichiers, markdown : $(find "$md" -type f | wc -l) fichiers"
