"""Hanyu Pinyin syllables: is a Latin word a romanised Chinese name?

"Wang Lei" and "Wang Li", "Liu Yang" and "Liu Ying" are different people: in a
Chinese name every syllable is a word of its own, and a one-letter difference
is a different syllable, not a typo. When both names of a pair are made only
of pinyin syllables, the comparator therefore asks for exact agreement
(:func:`screening.matching.features.align`).

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
def syllable_count(word: str) -> int:
    """Fewest pinyin syllables that spell word exactly (0 when none do).

    >>> syllable_count("jinping"), syllable_count("maria"), syllable_count("putin")
    (2, 3, 0)
    """
    n = len(word)
    if not n or not word.isalpha():
        return 0
    best = [0] + [n + 1] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - MAX_SYLLABLE), end):
            if best[start] <= n and word[start:end] in SYLLABLES:
                best[end] = min(best[end], best[start] + 1)
    return best[n] if best[n] <= n else 0


def is_pinyin_word(word: str) -> bool:
    """True when word is one to three pinyin syllables ("wang", "jinping")."""
    return 0 < syllable_count(word) <= MAX_SYLLABLES
