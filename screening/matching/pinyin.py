"""Hanyu Pinyin syllables: is a Latin word a romanised Chinese name?

"Wang Lei" and "Wang Li", "Liu Yang" and "Liu Ying" are different people: in a
Chinese name every syllable is a word of its own, and a one-letter difference
is a different syllable, not a typo. When both names of a pair are made only
of pinyin syllables, the comparator therefore asks for exact agreement
(:func:`screening.matching.alignment.align`).

The syllable inventory is the tone-less pinyin of the pypinyin character
dictionary (420 syllables, interjections such as "hm" left out).
"""

from __future__ import annotations

from functools import lru_cache

#: Every tone-less pinyin syllable (ü written v).
SYLLABLES = frozenset(
    """a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nia nian niang niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo""".split()
)
#: Longest syllable, in letters ("zhuang", "shuang").
MAX_SYLLABLE = 6
#: A word of more syllables than this is not read as a Chinese name part.
MAX_SYLLABLES = 3


@lru_cache(maxsize=1 << 16)
def split_syllables(word: str) -> tuple[str, ...]:
    """``word`` cut into the fewest pinyin syllables (() when none spell it exactly); of
    cuts as few, the last syllable longest ("xian", not "xi an"; "pingan": pin gan).

    >>> split_syllables("jinping"), split_syllables("putin")
    (('jin', 'ping'), ())
    """
    n = len(word)
    if not n or not word.isalpha():
        return ()
    best: list[tuple[int, int]] = [(0, 0)] + [(n + 1, 0)] * n  # (syllables, start of the last)
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_SYLLABLE), end):
            if best[start][0] <= n and word[start:end] in SYLLABLES and best[start][0] + 1 < best[end][0]:
                best[end] = (best[start][0] + 1, start)
    if best[n][0] > n:
        return ()
    out: list[str] = []
    end = n
    while end:
        start = best[end][1]
        out.append(word[start:end])
        end = start
    return tuple(out[::-1])


def syllable_count(word: str) -> int:
    """Fewest pinyin syllables that spell word exactly (0 when none do).

    >>> syllable_count("jinping"), syllable_count("maria"), syllable_count("putin")
    (2, 3, 0)
    """
    return len(split_syllables(word))


def is_pinyin_word(word: str) -> bool:
    """True when word is one to three pinyin syllables ("wang", "jinping")."""
    return 0 < syllable_count(word) <= MAX_SYLLABLES


# --------------------------------------------------------------------------
# Wade-Giles (Taiwan names: "Huang Chieh", "Wang Ting-yu", "Koo Li-hsiung")
# --------------------------------------------------------------------------

#: Wade-Giles initials and their pinyin readings, longest first. Apostrophes
#: are lost when names are folded, so plain and aspirated readings are both tried.
WG_INITIALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("hs", ("x",)),
    ("tz", ("z", "c")),
    ("ts", ("z", "c")),
    ("ch", ("zh", "j", "ch", "q")),
    ("sz", ("s",)),
    ("ss", ("s",)),
    ("k", ("g", "k")),
    ("t", ("d", "t")),
    ("p", ("b", "p")),
    ("j", ("r",)),
)
#: Wade-Giles finals and their pinyin readings (the final as written is also tried).
WG_FINALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ieh", ("ie",)),
    ("ueh", ("ue",)),
    ("ien", ("ian",)),
    ("iung", ("iong",)),
    ("ung", ("ong",)),
    ("uei", ("ui",)),
    ("erh", ("er",)),
    ("ih", ("i",)),
    ("eh", ("e",)),
    ("oo", ("u",)),
    ("u", ("u", "i")),
    ("o", ("o", "e", "uo")),
)
#: Syllables whose reading no rule gives (WG "yu" is pinyin "you").
WG_WORDS: dict[str, tuple[str, ...]] = {
    "yu": ("you",), "yung": ("yong",), "yeh": ("ye",), "yen": ("yan",), "i": ("yi",), "erh": ("er",),
}
#: Words longer than this are not read as one Wade-Giles syllable.
WG_MAX_LEN = 6
#: Initials and finals only Wade-Giles writes (never pinyin): a syllable with one is Wade-Giles.
WG_INITIAL_MARKERS = ("hs", "ts", "tz", "sz")
WG_FINAL_MARKERS = ("ieh", "ueh", "ih")


def looks_wade_giles(word: str) -> bool:
    """True for a syllable only Wade-Giles spells this way ("chieh", "hsiung", "tseng")."""
    return (
        len(word) <= WG_MAX_LEN
        and (word.startswith(WG_INITIAL_MARKERS) or word.endswith(WG_FINAL_MARKERS))
        and syllable_count(word) == 0
    )


@lru_cache(maxsize=1 << 14)
def wade_giles_readings(word: str) -> tuple[str, ...]:
    """Pinyin syllables a Wade-Giles syllable may stand for ("chieh" -> jie, qie ...).

    Returns only valid pinyin syllables other than ``word`` itself.
    """
    if not word.isalpha() or len(word) > WG_MAX_LEN:
        return ()
    if word in WG_WORDS:
        return WG_WORDS[word]
    heads: list[tuple[str, str]] = []
    for initial, options in WG_INITIALS:
        if word.startswith(initial):
            heads.extend((o, word[len(initial) :]) for o in options)
            break
    else:
        heads.append(("", word))
    if word in ("i", "yi"):
        heads.append(("y", "i"))
    out: list[str] = []
    for head, rest in heads:
        tails = [rest]
        for final, options in WG_FINALS:
            if rest.endswith(final):
                tails.extend(rest[: len(rest) - len(final)] + o for o in options)
                break
        for tail in tails:
            cand = head + tail
            if cand != word and cand in SYLLABLES and cand not in out:
                out.append(cand)
    return tuple(out)
