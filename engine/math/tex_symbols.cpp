#include "math/tex_symbols.h"

#include <unordered_map>

namespace podium {
namespace {

using A = MathAtom;
constexpr MathLimits kDisplay = MathLimits::kDisplayOnly;

// [SECTION] Symbols -----------------------------------------------------------------------

constexpr TexSymbol kSymbols[] = {
    // Greek, lower case (italic in formulas) and upper case (upright).
    {"alpha", U'α', A::kOrd}, {"beta", U'β', A::kOrd}, {"gamma", U'γ', A::kOrd},
    {"delta", U'δ', A::kOrd}, {"epsilon", U'ϵ', A::kOrd}, {"varepsilon", U'ε', A::kOrd},
    {"zeta", U'ζ', A::kOrd}, {"eta", U'η', A::kOrd}, {"theta", U'θ', A::kOrd},
    {"vartheta", U'ϑ', A::kOrd}, {"iota", U'ι', A::kOrd}, {"kappa", U'κ', A::kOrd},
    {"varkappa", U'ϰ', A::kOrd}, {"lambda", U'λ', A::kOrd}, {"mu", U'μ', A::kOrd},
    {"nu", U'ν', A::kOrd}, {"xi", U'ξ', A::kOrd}, {"omicron", U'ο', A::kOrd},
    {"pi", U'π', A::kOrd}, {"varpi", U'ϖ', A::kOrd}, {"rho", U'ρ', A::kOrd},
    {"varrho", U'ϱ', A::kOrd}, {"sigma", U'σ', A::kOrd}, {"varsigma", U'ς', A::kOrd},
    {"tau", U'τ', A::kOrd}, {"upsilon", U'υ', A::kOrd}, {"phi", U'ϕ', A::kOrd},
    {"varphi", U'φ', A::kOrd}, {"chi", U'χ', A::kOrd}, {"psi", U'ψ', A::kOrd},
    {"omega", U'ω', A::kOrd},
    {"Gamma", U'Γ', A::kOrd}, {"Delta", U'Δ', A::kOrd}, {"Theta", U'Θ', A::kOrd},
    {"Lambda", U'Λ', A::kOrd}, {"Xi", U'Ξ', A::kOrd}, {"Pi", U'Π', A::kOrd},
    {"Sigma", U'Σ', A::kOrd}, {"Upsilon", U'Υ', A::kOrd}, {"Phi", U'Φ', A::kOrd},
    {"Psi", U'Ψ', A::kOrd}, {"Omega", U'Ω', A::kOrd},
    // Ordinary symbols.
    {"infty", U'∞', A::kOrd}, {"partial", U'∂', A::kOrd}, {"nabla", U'∇', A::kOrd},
    {"forall", U'∀', A::kOrd}, {"exists", U'∃', A::kOrd}, {"nexists", U'∄', A::kOrd},
    {"emptyset", U'∅', A::kOrd}, {"varnothing", U'∅', A::kOrd}, {"ell", U'ℓ', A::kOrd},
    {"hbar", U'ℏ', A::kOrd}, {"hslash", U'ℏ', A::kOrd}, {"imath", U'ı', A::kOrd},
    {"jmath", U'ȷ', A::kOrd}, {"Re", U'ℜ', A::kOrd}, {"Im", U'ℑ', A::kOrd},
    {"aleph", U'ℵ', A::kOrd}, {"wp", U'℘', A::kOrd}, {"angle", U'∠', A::kOrd},
    {"triangle", U'△', A::kOrd}, {"prime", U'′', A::kOrd}, {"neg", U'¬', A::kOrd},
    {"lnot", U'¬', A::kOrd}, {"top", U'⊤', A::kOrd}, {"bot", U'⊥', A::kOrd},
    {"vdots", U'⋮', A::kOrd}, {"backslash", U'\\', A::kOrd}, {"degree", U'°', A::kOrd},
    {"checkmark", U'✓', A::kOrd}, {"clubsuit", U'♣', A::kOrd}, {"heartsuit", U'♡', A::kOrd},
    {"spadesuit", U'♠', A::kOrd}, {"diamondsuit", U'♢', A::kOrd}, {"flat", U'♭', A::kOrd},
    {"sharp", U'♯', A::kOrd}, {"natural", U'♮', A::kOrd}, {"surd", U'√', A::kOrd},
    {"$", U'$', A::kOrd}, {"%", U'%', A::kOrd}, {"#", U'#', A::kOrd}, {"&", U'&', A::kOrd},
    {"_", U'_', A::kOrd}, {"|", U'‖', A::kOrd}, {"Vert", U'‖', A::kOrd},
    {"vert", U'|', A::kOrd},
    // Dots: \ldots and \cdots are inner atoms, as TeX builds them.
    {"ldots", U'…', A::kInner}, {"dots", U'…', A::kInner}, {"cdots", U'⋯', A::kInner},
    {"ddots", U'⋱', A::kInner}, {"dotsc", U'…', A::kInner}, {"dotsb", U'⋯', A::kInner},
    // Binary operators.
    {"pm", U'±', A::kBin}, {"mp", U'∓', A::kBin}, {"times", U'×', A::kBin},
    {"div", U'÷', A::kBin}, {"cdot", U'⋅', A::kBin}, {"ast", U'∗', A::kBin},
    {"star", U'⋆', A::kBin}, {"circ", U'∘', A::kBin}, {"bullet", U'∙', A::kBin},
    {"oplus", U'⊕', A::kBin}, {"ominus", U'⊖', A::kBin}, {"otimes", U'⊗', A::kBin},
    {"oslash", U'⊘', A::kBin}, {"odot", U'⊙', A::kBin}, {"cup", U'∪', A::kBin},
    {"cap", U'∩', A::kBin}, {"setminus", U'∖', A::kBin}, {"wedge", U'∧', A::kBin},
    {"land", U'∧', A::kBin}, {"vee", U'∨', A::kBin}, {"lor", U'∨', A::kBin},
    {"uplus", U'⊎', A::kBin}, {"sqcup", U'⊔', A::kBin}, {"sqcap", U'⊓', A::kBin},
    {"dagger", U'†', A::kBin}, {"ddagger", U'‡', A::kBin}, {"amalg", U'⨿', A::kBin},
    {"wr", U'≀', A::kBin}, {"diamond", U'⋄', A::kBin}, {"bigtriangleup", U'△', A::kBin},
    {"bigtriangledown", U'▽', A::kBin}, {"triangleleft", U'◃', A::kBin},
    {"triangleright", U'▹', A::kBin},
    // Relations.
    {"leq", U'≤', A::kRel}, {"le", U'≤', A::kRel}, {"geq", U'≥', A::kRel},
    {"ge", U'≥', A::kRel}, {"leqslant", U'⩽', A::kRel}, {"geqslant", U'⩾', A::kRel},
    {"neq", U'≠', A::kRel}, {"ne", U'≠', A::kRel}, {"approx", U'≈', A::kRel},
    {"equiv", U'≡', A::kRel}, {"sim", U'∼', A::kRel}, {"simeq", U'≃', A::kRel},
    {"cong", U'≅', A::kRel}, {"propto", U'∝', A::kRel}, {"in", U'∈', A::kRel},
    {"notin", U'∉', A::kRel}, {"ni", U'∋', A::kRel}, {"owns", U'∋', A::kRel},
    {"subset", U'⊂', A::kRel}, {"supset", U'⊃', A::kRel}, {"subseteq", U'⊆', A::kRel},
    {"supseteq", U'⊇', A::kRel}, {"subsetneq", U'⊊', A::kRel}, {"supsetneq", U'⊋', A::kRel},
    {"sqsubseteq", U'⊑', A::kRel}, {"sqsupseteq", U'⊒', A::kRel}, {"ll", U'≪', A::kRel},
    {"gg", U'≫', A::kRel}, {"prec", U'≺', A::kRel}, {"succ", U'≻', A::kRel},
    {"preceq", U'⪯', A::kRel}, {"succeq", U'⪰', A::kRel}, {"perp", U'⊥', A::kRel},
    {"parallel", U'∥', A::kRel}, {"mid", U'∣', A::kRel}, {"nmid", U'∤', A::kRel},
    {"models", U'⊨', A::kRel}, {"vdash", U'⊢', A::kRel}, {"dashv", U'⊣', A::kRel},
    {"asymp", U'≍', A::kRel}, {"doteq", U'≐', A::kRel}, {"coloneqq", U'≔', A::kRel},
    {"lesssim", U'≲', A::kRel}, {"gtrsim", U'≳', A::kRel}, {"bowtie", U'⋈', A::kRel},
    {"nleq", U'≰', A::kRel}, {"ngeq", U'≱', A::kRel}, {"nsim", U'≁', A::kRel},
    {"ncong", U'≇', A::kRel}, {"nsubseteq", U'⊈', A::kRel}, {"smile", U'⌣', A::kRel},
    {"frown", U'⌢', A::kRel},
    // Arrows (relations).
    {"to", U'→', A::kRel}, {"rightarrow", U'→', A::kRel}, {"leftarrow", U'←', A::kRel},
    {"gets", U'←', A::kRel}, {"leftrightarrow", U'↔', A::kRel}, {"Rightarrow", U'⇒', A::kRel},
    {"Leftarrow", U'⇐', A::kRel}, {"Leftrightarrow", U'⇔', A::kRel},
    {"longrightarrow", U'⟶', A::kRel}, {"longleftarrow", U'⟵', A::kRel},
    {"longleftrightarrow", U'⟷', A::kRel}, {"Longrightarrow", U'⟹', A::kRel},
    {"Longleftarrow", U'⟸', A::kRel}, {"Longleftrightarrow", U'⟺', A::kRel},
    {"implies", U'⟹', A::kRel}, {"impliedby", U'⟸', A::kRel}, {"iff", U'⟺', A::kRel},
    {"mapsto", U'↦', A::kRel}, {"longmapsto", U'⟼', A::kRel}, {"uparrow", U'↑', A::kRel},
    {"downarrow", U'↓', A::kRel}, {"updownarrow", U'↕', A::kRel}, {"Uparrow", U'⇑', A::kRel},
    {"Downarrow", U'⇓', A::kRel}, {"nearrow", U'↗', A::kRel}, {"searrow", U'↘', A::kRel},
    {"swarrow", U'↙', A::kRel}, {"nwarrow", U'↖', A::kRel},
    {"hookrightarrow", U'↪', A::kRel}, {"hookleftarrow", U'↩', A::kRel},
    {"rightharpoonup", U'⇀', A::kRel}, {"leftharpoonup", U'↼', A::kRel},
    {"rightleftharpoons", U'⇌', A::kRel}, {"leadsto", U'⇝', A::kRel},
    // Punctuation.
    {"colon", U':', A::kPunct}, {"ldotp", U'.', A::kPunct}, {"cdotp", U'⋅', A::kPunct},
    // Delimiters used on their own.
    {"{", U'{', A::kOpen}, {"}", U'}', A::kClose}, {"lbrace", U'{', A::kOpen},
    {"rbrace", U'}', A::kClose}, {"lbrack", U'[', A::kOpen}, {"rbrack", U']', A::kClose},
    {"langle", U'⟨', A::kOpen}, {"rangle", U'⟩', A::kClose}, {"lfloor", U'⌊', A::kOpen},
    {"rfloor", U'⌋', A::kClose}, {"lceil", U'⌈', A::kOpen}, {"rceil", U'⌉', A::kClose},
    {"lvert", U'|', A::kOpen}, {"rvert", U'|', A::kClose}, {"lVert", U'‖', A::kOpen},
    {"rVert", U'‖', A::kClose},
    // Big operators: limits above and below in display style.
    {"sum", U'∑', A::kOp, kDisplay}, {"prod", U'∏', A::kOp, kDisplay},
    {"coprod", U'∐', A::kOp, kDisplay}, {"bigcup", U'⋃', A::kOp, kDisplay},
    {"bigcap", U'⋂', A::kOp, kDisplay}, {"bigvee", U'⋁', A::kOp, kDisplay},
    {"bigwedge", U'⋀', A::kOp, kDisplay}, {"bigoplus", U'⨁', A::kOp, kDisplay},
    {"bigotimes", U'⨂', A::kOp, kDisplay}, {"bigodot", U'⨀', A::kOp, kDisplay},
    {"biguplus", U'⨄', A::kOp, kDisplay}, {"bigsqcup", U'⨆', A::kOp, kDisplay},
    // Integrals: scripts at the side, as in TeX.
    {"int", U'∫', A::kOp}, {"iint", U'∬', A::kOp}, {"iiint", U'∭', A::kOp},
    {"oint", U'∮', A::kOp}, {"oiint", U'∯', A::kOp}, {"oiiint", U'∰', A::kOp},
};

constexpr TexOperatorName kOperatorNames[] = {
    {"lim", "lim", kDisplay},          {"limsup", "lim\u2009sup", kDisplay},
    {"liminf", "lim\u2009inf", kDisplay}, {"max", "max", kDisplay},
    {"min", "min", kDisplay},          {"sup", "sup", kDisplay},
    {"inf", "inf", kDisplay},          {"det", "det", kDisplay},
    {"gcd", "gcd", kDisplay},          {"Pr", "Pr", kDisplay},
    {"argmax", "arg\u2009max", kDisplay}, {"argmin", "arg\u2009min", kDisplay},
    {"sin", "sin", MathLimits::kNever},   {"cos", "cos", MathLimits::kNever},
    {"tan", "tan", MathLimits::kNever},   {"cot", "cot", MathLimits::kNever},
    {"sec", "sec", MathLimits::kNever},   {"csc", "csc", MathLimits::kNever},
    {"arcsin", "arcsin", MathLimits::kNever}, {"arccos", "arccos", MathLimits::kNever},
    {"arctan", "arctan", MathLimits::kNever}, {"sinh", "sinh", MathLimits::kNever},
    {"cosh", "cosh", MathLimits::kNever}, {"tanh", "tanh", MathLimits::kNever},
    {"coth", "coth", MathLimits::kNever}, {"log", "log", MathLimits::kNever},
    {"ln", "ln", MathLimits::kNever},     {"lg", "lg", MathLimits::kNever},
    {"exp", "exp", MathLimits::kNever},   {"deg", "deg", MathLimits::kNever},
    {"dim", "dim", MathLimits::kNever},   {"hom", "hom", MathLimits::kNever},
    {"ker", "ker", MathLimits::kNever},   {"arg", "arg", MathLimits::kNever},
    {"mod", "mod", MathLimits::kNever},
};

constexpr TexAccent kAccents[] = {
    {"hat", 0x302, false},       {"widehat", 0x302, true},   {"check", 0x30C, false},
    {"widecheck", 0x30C, true},  {"tilde", 0x303, false},    {"widetilde", 0x303, true},
    {"bar", 0x304, false},       {"vec", 0x20D7, false},     {"dot", 0x307, false},
    {"ddot", 0x308, false},      {"dddot", 0x20DB, false},   {"acute", 0x301, false},
    {"grave", 0x300, false},     {"breve", 0x306, false},    {"mathring", 0x30A, false},
    {"overrightarrow", 0x2192, true}, {"overleftarrow", 0x2190, true},
    {"overleftrightarrow", 0x2194, true},
};

struct SpaceName {
  std::string_view name;
  float mu;
};
constexpr SpaceName kSpaces[] = {
    {",", 3},          {"thinspace", 3},  {":", 4},          {">", 4},
    {"medspace", 4},   {";", 5},          {"thickspace", 5}, {"!", -3},
    {"negthinspace", -3}, {"negmedspace", -4}, {"negthickspace", -5}, {" ", 6},
    {"enspace", 9},    {"quad", 18},      {"qquad", 36},
};

template <typename T, size_t N>
const T* FindByName(const T (&table)[N], std::string_view name) {
  static const auto* index = [&] {
    auto* map = new std::unordered_map<std::string_view, const T*>();
    for (const T& row : table) map->emplace(row.name, &row);
    return map;
  }();
  auto it = index->find(name);
  return it == index->end() ? nullptr : it->second;
}

}  // namespace

const TexSymbol* FindTexSymbol(std::string_view name) { return FindByName(kSymbols, name); }

const TexOperatorName* FindTexOperatorName(std::string_view name) {
  return FindByName(kOperatorNames, name);
}

const TexAccent* FindTexAccent(std::string_view name) { return FindByName(kAccents, name); }

bool FindTexSpace(std::string_view name, float* mu) {
  for (const SpaceName& s : kSpaces) {
    if (s.name == name) {
      *mu = s.mu;
      return true;
    }
  }
  return false;
}

size_t ReadTexDelimiter(std::string_view text, char32_t* cp) {
  if (text.empty()) return 0;
  switch (text[0]) {
    case '(': case ')': case '[': case ']': case '|': case '/':
      *cp = static_cast<char32_t>(text[0]);
      return 1;
    case '.':
      *cp = 0;
      return 1;
    case '<':
      *cp = U'⟨';
      return 1;
    case '>':
      *cp = U'⟩';
      return 1;
    case '\\':
      break;
    default:
      return 0;
  }
  size_t end = 1;
  while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') || (text[end] >= 'A' && text[end] <= 'Z')))
    ++end;
  if (end == 1 && text.size() > 1) end = 2;  // \{ \} \|
  std::string_view name = text.substr(1, end - 1);
  if (name == "backslash") {
    *cp = U'\\';
    return end;
  }
  if (name == "uparrow" || name == "downarrow" || name == "updownarrow" || name == "Uparrow" ||
      name == "Downarrow" || name == "Updownarrow") {
    *cp = FindTexSymbol(name) ? FindTexSymbol(name)->cp : U'↑';
    return end;
  }
  const TexSymbol* s = FindTexSymbol(name);
  if (!s) return 0;
  if (s->atom == MathAtom::kOpen || s->atom == MathAtom::kClose || s->cp == U'‖' || s->cp == U'|') {
    *cp = s->cp;
    return end;
  }
  return 0;
}

MathAtom AtomOfCharacter(char32_t cp, char32_t* drawn) {
  *drawn = cp;
  switch (cp) {
    case '+': return A::kBin;
    case '-': *drawn = U'−'; return A::kBin;
    case '*': *drawn = U'∗'; return A::kBin;
    case '=': case '<': case '>': case ':': return A::kRel;
    case ',': case ';': return A::kPunct;
    case '(': case '[': return A::kOpen;
    case ')': case ']': case '!': case '?': return A::kClose;
    default: break;
  }
  if (cp < 0x80) return A::kOrd;
  // Typed Unicode symbols take the class of the command that names them.
  static const auto* by_character = [] {
    auto* map = new std::unordered_map<char32_t, MathAtom>();
    for (const TexSymbol& s : kSymbols)
      if (s.atom != A::kOrd && s.atom != A::kInner) map->emplace(s.cp, s.atom);
    map->emplace(U'−', A::kBin);
    return map;
  }();
  auto it = by_character->find(cp);
  return it == by_character->end() ? A::kOrd : it->second;
}

}  // namespace podium
