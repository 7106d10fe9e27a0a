// Lexer, recursive-descent parser and type checker of the condition language, and its canonical printer.
#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "io/utf8.h"
#include "policy/condition_ast.h"
#include "policy/edit_distance.h"
#include "ssrandom/date.h"
#include "ssrandom/entity.h"

namespace ssr::internal {
namespace {

constexpr AttributeInfo kAttributes[] = {
    {Attribute::kPermitClass, "permit_class", AttributeType::kEnum},
    {Attribute::kKeyUnitFlag, "key_unit", AttributeType::kFlag},
    {Attribute::kPositiveListFlag, "positive_list", AttributeType::kFlag},
    {Attribute::kCredit, "credit", AttributeType::kText},
    {Attribute::kEnvCredit, "env_credit", AttributeType::kText},
    {Attribute::kArea, "area", AttributeType::kText},
    {Attribute::kIndustry, "industry", AttributeType::kText},
    {Attribute::kStatus, "status", AttributeType::kEnum},
    {Attribute::kEmergencyRisk, "emergency_risk", AttributeType::kEnum},
    {Attribute::kPenaltiesLastYear, "penalties_last_year", AttributeType::kCount},
    {Attribute::kVerifiedComplaints, "verified_complaints", AttributeType::kCount},
    {Attribute::kLastPenaltyDate, "last_penalty_date", AttributeType::kDate},
    {Attribute::kSupervisionListedDate, "supervision_listed_date", AttributeType::kDate},
    {Attribute::kTags, "tags", AttributeType::kTags},
    {Attribute::kId, "id", AttributeType::kIdentifier},
    {Attribute::kUscc, "uscc", AttributeType::kIdentifier},
};

constexpr absl::string_view kKeywords[] = {
    "and",   "or",      "not",    "in",          "true",         "false",      "is",
    "known", "unknown", "within", "starts_with", "period_start", "period_end", "days_before_period"};

// ---------------------------------------------------------------------------------------------------------
// Lexer

enum class TokenKind : uint8_t {
  kIdent,
  kString,
  kInt,
  kDate,
  kOp,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kComma,
  kEnd
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  size_t offset = 0;
  absl::string_view text;  // as written
  std::string value;       // kString: the decoded string
  int64_t number = 0;      // kInt
  absl::CivilDay day;      // kDate
  CompareOp op = CompareOp::kEq;
};

bool IsIdentStart(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsIdentChar(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool IsDigit(char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); }

// The UTF-8 sequence starting at `text[at]` (at least one byte).
absl::string_view CharAt(absl::string_view text, size_t at) {
  size_t end = at + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return text.substr(at, end - at);
}

class Lexer {
 public:
  Lexer(absl::string_view text, ConditionError* error) : text_(text), error_(error) {}

  // Tokenizes the whole text; false on the first error.
  bool Run(std::vector<Token>* tokens) {
    while (true) {
      while (pos_ < text_.size() && absl::ascii_isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      Token token;
      token.offset = pos_;
      if (pos_ >= text_.size()) {
        tokens->push_back(token);
        return true;
      }
      if (!Next(&token)) return false;
      token.text = text_.substr(token.offset, pos_ - token.offset);
      tokens->push_back(std::move(token));
    }
  }

 private:
  bool Fail(size_t offset, std::string message) {
    error_->offset = offset;
    error_->message = std::move(message);
    return false;
  }

  bool Next(Token* token) {
    const char c = text_[pos_];
    const absl::string_view rest = text_.substr(pos_);
    if (IsIdentStart(c)) {
      while (pos_ < text_.size() && IsIdentChar(text_[pos_])) ++pos_;
      token->kind = TokenKind::kIdent;
      return true;
    }
    if (IsDigit(c) || (c == '-' && pos_ + 1 < text_.size() && IsDigit(text_[pos_ + 1]))) return Number(token);
    if (c == '"' || c == '\'') return String(token);
    static constexpr std::pair<absl::string_view, CompareOp> kOps[] = {
        {"==", CompareOp::kEq}, {"!=", CompareOp::kNe}, {"<=", CompareOp::kLe},
        {">=", CompareOp::kGe}, {"<", CompareOp::kLt},  {">", CompareOp::kGt}};
    for (const auto& [spelling, op] : kOps) {
      if (absl::StartsWith(rest, spelling)) {
        pos_ += spelling.size();
        token->kind = TokenKind::kOp;
        token->op = op;
        return true;
      }
    }
    static constexpr std::pair<char, TokenKind> kPunctuation[] = {{'(', TokenKind::kLParen},
                                                                  {')', TokenKind::kRParen},
                                                                  {'[', TokenKind::kLBracket},
                                                                  {']', TokenKind::kRBracket},
                                                                  {',', TokenKind::kComma}};
    for (const auto& [ch, kind] : kPunctuation) {
      if (c == ch) {
        ++pos_;
        token->kind = kind;
        return true;
      }
    }
    if (c == '=') return Fail(pos_, "a single '=' is not an operator; write '==' to compare");
    if (absl::StartsWith(rest, "&&")) return Fail(pos_, "write 'and' instead of '&&'");
    if (absl::StartsWith(rest, "||")) return Fail(pos_, "write 'or' instead of '||'");
    if (c == '!') return Fail(pos_, "write 'not' instead of '!' (or '!=' to compare)");
    absl::string_view ch = CharAt(text_, pos_);
    for (absl::string_view curly : {"“", "”", "‘", "’", "「", "」"}) {
      if (ch == curly) {
        return Fail(pos_, absl::StrCat("the quote ", ch,
                                       " is not a string delimiter; write strings in straight quotes, "
                                       "e.g. \"固废\" or '固废'"));
      }
    }
    for (absl::string_view wide : {"（", "）", "，", "［", "］", "＝", "＞", "＜"}) {
      if (ch == wide) {
        return Fail(pos_, absl::StrCat("the full-width character ", ch,
                                       " is not part of the language; use its ASCII form ( ) , [ ] = > <"));
      }
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      size_t end = pos_;
      while (end < text_.size() && static_cast<unsigned char>(text_[end]) >= 0x80) ++end;
      return Fail(pos_, absl::StrCat("unexpected '", text_.substr(pos_, end - pos_),
                                     "'; values are written in quotes, e.g. \"",
                                     text_.substr(pos_, end - pos_), "\""));
    }
    return Fail(pos_,
                absl::StrCat("unexpected character '", ch,
                             "'; expected an attribute, a value, an operator, a parenthesis or a list"));
  }

  bool Number(Token* token) {
    const size_t start = pos_;
    if (text_[pos_] == '-') ++pos_;
    while (pos_ < text_.size() && (IsDigit(text_[pos_]) || text_[pos_] == '-')) ++pos_;
    absl::string_view spelled = text_.substr(start, pos_ - start);
    if (pos_ < text_.size() && (IsIdentChar(text_[pos_]) || text_[pos_] == '.')) {
      return Fail(pos_, absl::StrCat("unexpected '", CharAt(text_, pos_), "' after ", spelled,
                                     "; numbers are whole numbers (e.g. 3) and dates are YYYY-MM-DD"));
    }
    if (spelled.find('-', 1) != absl::string_view::npos) {
      absl::StatusOr<absl::CivilDay> day = ParseDate(spelled);
      if (!day.ok()) return Fail(start, std::string(day.status().message()));
      token->kind = TokenKind::kDate;
      token->day = *day;
      return true;
    }
    int64_t value = 0;
    for (char d : spelled.substr(spelled.front() == '-' ? 1 : 0)) {
      value = value * 10 + (d - '0');
      if (value > std::numeric_limits<int32_t>::max()) {
        return Fail(start, absl::StrCat("the number ", spelled, " is too large (at most 2147483647)"));
      }
    }
    token->kind = TokenKind::kInt;
    token->number = spelled.front() == '-' ? -value : value;
    return true;
  }

  bool String(Token* token) {
    const size_t start = pos_;
    const char quote = text_[pos_++];
    std::string value;
    while (true) {
      if (pos_ >= text_.size()) {
        return Fail(start, absl::StrCat("the string starting here is not closed; add the closing ",
                                        absl::string_view(&quote, 1)));
      }
      const char c = text_[pos_];
      if (c == quote) {
        ++pos_;
        break;
      }
      if (c == '\n') {
        return Fail(start,
                    absl::StrCat("the string starting here is not closed on its line; add the closing ",
                                 absl::string_view(&quote, 1)));
      }
      if (c == '\\') {
        if (pos_ + 1 < text_.size() &&
            (text_[pos_ + 1] == '"' || text_[pos_ + 1] == '\'' || text_[pos_ + 1] == '\\')) {
          value.push_back(text_[pos_ + 1]);
          pos_ += 2;
          continue;
        }
        return Fail(pos_, "unknown escape; inside a string only \\\", \\' and \\\\ are escapes");
      }
      value.push_back(c);
      ++pos_;
    }
    token->kind = TokenKind::kString;
    token->value = std::move(value);
    return true;
  }

  absl::string_view text_;
  ConditionError* error_;
  size_t pos_ = 0;
};

// ---------------------------------------------------------------------------------------------------------
// Parser

using NodePtr = std::shared_ptr<ConditionNode>;

std::string Quote(absl::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

bool IsKeyword(absl::string_view word) {
  return std::find(std::begin(kKeywords), std::end(kKeywords), word) != std::end(kKeywords);
}

std::string Describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::kEnd:
      return "the end of the condition";
    case TokenKind::kIdent:
      return IsKeyword(token.text) ? absl::StrCat("'", token.text, "'")
                                   : absl::StrCat("the name ", token.text);
    case TokenKind::kString:
      return absl::StrCat("the string ", Quote(token.value));
    case TokenKind::kInt:
      return absl::StrCat("the number ", token.text);
    case TokenKind::kDate:
      return absl::StrCat("the date ", token.text);
    default:
      return absl::StrCat("'", token.text, "'");
  }
}

// The enumerations the language can compare: names (canonical), parse function, ordered or not.
struct EnumDomain {
  std::vector<std::pair<std::string, uint8_t>> values;  // canonical name, enumerator value
  bool ordered;
};

template <typename Enum>
EnumDomain MakeDomain(std::initializer_list<Enum> all, absl::string_view (*name)(Enum), bool ordered) {
  EnumDomain domain{{}, ordered};
  for (Enum value : all) domain.values.emplace_back(std::string(name(value)), static_cast<uint8_t>(value));
  return domain;
}

const EnumDomain& DomainOf(Attribute attribute) {
  static const EnumDomain* const kPermit = new EnumDomain(MakeDomain(
      {PermitClass::kKey, PermitClass::kSimplified, PermitClass::kRegistration, PermitClass::kNone},
      &PermitClassName, false));
  static const EnumDomain* const kStatus = new EnumDomain(
      MakeDomain({EntityStatus::kActive, EntityStatus::kSuspended, EntityStatus::kClosed,
                  EntityStatus::kRelocated, EntityStatus::kLongStopped, EntityStatus::kDeregistered},
                 &EntityStatusName, false));
  static const EnumDomain* const kRisk = new EnumDomain(MakeDomain(
      {EmergencyRisk::kGeneral, EmergencyRisk::kLarger, EmergencyRisk::kMajor}, &EmergencyRiskName, true));
  if (attribute == Attribute::kPermitClass) return *kPermit;
  if (attribute == Attribute::kStatus) return *kStatus;
  return *kRisk;
}

// Resolves an enumeration literal (English name or Chinese label); 0 when it is not one.
uint8_t EnumValueOf(Attribute attribute, absl::string_view text) {
  switch (attribute) {
    case Attribute::kPermitClass: {
      auto parsed = ParsePermitClass(text);
      return parsed.ok() ? static_cast<uint8_t>(*parsed) : 0;
    }
    case Attribute::kStatus: {
      auto parsed = ParseEntityStatus(text);
      return parsed.ok() ? static_cast<uint8_t>(*parsed) : 0;
    }
    default: {
      auto parsed = ParseEmergencyRisk(text);
      return parsed.ok() ? static_cast<uint8_t>(*parsed) : 0;
    }
  }
}

std::string EnumNameOf(Attribute attribute, uint8_t value) {
  for (const auto& [name, v] : DomainOf(attribute).values) {
    if (v == value) return name;
  }
  return "";
}

bool CompareInts(int64_t a, CompareOp op, int64_t b) {
  switch (op) {
    case CompareOp::kEq:
      return a == b;
    case CompareOp::kNe:
      return a != b;
    case CompareOp::kLt:
      return a < b;
    case CompareOp::kLe:
      return a <= b;
    case CompareOp::kGt:
      return a > b;
    case CompareOp::kGe:
      return a >= b;
  }
  return false;
}

// How deep parentheses and 'not' may nest in one condition.
constexpr int kMaxConditionDepth = 100;

class Parser {
 public:
  Parser(absl::string_view text, std::vector<Token> tokens, ConditionError* error)
      : text_(text), tokens_(std::move(tokens)), error_(error) {}

  NodePtr Run() {
    NodePtr node = Or();
    if (!node) return nullptr;
    if (Peek().kind != TokenKind::kEnd) {
      if (Peek().kind == TokenKind::kRParen) {
        return Fail(Peek(), "this ')' has no matching '('");
      }
      return Fail(Peek(),
                  absl::StrCat("expected 'and', 'or' or the end of the condition, found ", Describe(Peek())));
    }
    return node;
  }

 private:
  const Token& Peek(size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& Take() {
    const Token& token = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return token;
  }
  bool IsWord(const Token& token, absl::string_view word) const {
    return token.kind == TokenKind::kIdent && token.text == word;
  }

  NodePtr Fail(const Token& at, std::string message) {
    if (error_->message.empty()) {
      error_->offset = at.offset;
      error_->message = std::move(message);
    }
    return nullptr;
  }

  NodePtr Or() { return Chain(NodeKind::kOr, "or", &Parser::And); }
  NodePtr And() { return Chain(NodeKind::kAnd, "and", &Parser::Not); }

  NodePtr Chain(NodeKind kind, absl::string_view word, NodePtr (Parser::*operand)()) {
    NodePtr first = (this->*operand)();
    if (!first) return nullptr;
    if (!IsWord(Peek(), word)) return first;
    auto node = std::make_shared<ConditionNode>();
    node->kind = kind;
    node->children.push_back(first);
    while (IsWord(Peek(), word)) {
      Take();
      NodePtr next = (this->*operand)();
      if (!next) return nullptr;
      node->children.push_back(next);
    }
    return node;
  }

  // Parentheses and 'not' nest by recursion; a limit keeps a hostile condition ("((((…" a few hundred KB
  // long) from overflowing the stack, here and in every later walk of the tree.
  bool Deeper(const Token& at) {
    if (++depth_ <= kMaxConditionDepth) return true;
    Fail(at, absl::StrCat("the condition nests parentheses and 'not' more than ", kMaxConditionDepth,
                          " deep; write it with fewer levels"));
    return false;
  }

  NodePtr Not() {
    if (!IsWord(Peek(), "not")) return Primary();
    if (!Deeper(Peek())) return nullptr;
    Take();
    NodePtr operand = Not();
    --depth_;
    if (!operand) return nullptr;
    auto node = std::make_shared<ConditionNode>();
    node->kind = NodeKind::kNot;
    node->children.push_back(operand);
    return node;
  }

  NodePtr Primary() {
    const Token& token = Peek();
    if (token.kind == TokenKind::kLParen) {
      if (!Deeper(token)) return nullptr;
      const Token& open = Take();
      NodePtr inner = Or();
      --depth_;
      if (!inner) return nullptr;
      if (Peek().kind != TokenKind::kRParen) {
        return Fail(Peek(), absl::StrCat("expected ')' to close the '(' at column ", ColumnOf(open.offset),
                                         ", or 'and'/'or', found ", Describe(Peek())));
      }
      Take();
      return inner;
    }
    if (IsWord(token, "true") || IsWord(token, "false")) {
      Take();
      auto node = std::make_shared<ConditionNode>();
      node->kind = NodeKind::kConst;
      node->truth = token.text == "true";
      return node;
    }
    if (token.kind == TokenKind::kString) return TagMembership();
    if (IsWord(token, "days_before_period")) return DaysBeforePeriod();
    if (token.kind == TokenKind::kIdent && !IsKeyword(token.text)) {
      const AttributeInfo* info = FindAttribute(token.text);
      if (info == nullptr) return UnknownAttribute(token);
      Take();
      return AttributeTail(*info, token);
    }
    if (token.kind == TokenKind::kInt || token.kind == TokenKind::kDate) {
      return Fail(token, absl::StrCat("expected an attribute on the left of a comparison (e.g. "
                                      "penalties_last_year >= 1), found ",
                                      Describe(token)));
    }
    return Fail(token,
                absl::StrCat("expected a condition — an attribute (e.g. key_unit, permit_class == "
                             "\"key\"), a tag test (\"固废\" in tags), 'not', 'true', 'false' or '(' — "
                             "found ",
                             Describe(token)));
  }

  NodePtr UnknownAttribute(const Token& token) {
    std::string lower = absl::AsciiStrToLower(token.text);
    if (IsKeyword(lower)) {
      return Fail(token,
                  absl::StrCat("keywords are lowercase: write '", lower, "' instead of '", token.text, "'"));
    }
    std::string suggestion;
    size_t best = 3;
    std::vector<absl::string_view> names;
    for (const AttributeInfo& info : kAttributes) {
      names.push_back(info.name);
      const size_t distance = EditDistance(lower, info.name);
      if (distance < best && distance < lower.size()) {
        best = distance;
        suggestion = std::string(info.name);
      }
    }
    // A prefix of an attribute ("penalties" for penalties_last_year) is a likely shorthand.
    for (const AttributeInfo& info : kAttributes) {
      if (suggestion.empty() && lower.size() >= 4 && absl::StartsWith(info.name, lower)) {
        suggestion = std::string(info.name);
      }
    }
    return Fail(token,
                absl::StrCat("unknown attribute '", token.text, "'",
                             suggestion.empty() ? "" : absl::StrCat(" (did you mean ", suggestion, "?)"),
                             "; the attributes are ", absl::StrJoin(names, ", ")));
  }

  NodePtr TagMembership() {
    const Token& value = Take();
    bool negated = false;
    if (IsWord(Peek(), "not") && IsWord(Peek(1), "in")) {
      Take();
      negated = true;
    }
    if (!IsWord(Peek(), "in")) {
      return Fail(Peek(),
                  absl::StrCat("expected 'in tags' after ", Describe(value),
                               " (a string on the left is only for tag tests such as \"固废\" in tags; "
                               "to compare an attribute write it first: credit == ",
                               Quote(value.value), "), found ", Describe(Peek())));
    }
    Take();
    if (!IsWord(Peek(), "tags")) {
      return Fail(Peek(), absl::StrCat("expected 'tags' after 'in' (", Describe(value),
                                       " in tags tests an entity's labels), found ", Describe(Peek())));
    }
    Take();
    if (value.value.empty())
      return Fail(value, "the tag is empty; write the label to test, e.g. \"固废\" in tags");
    auto node = std::make_shared<ConditionNode>();
    node->kind = NodeKind::kHasTag;
    node->attribute = Attribute::kTags;
    node->negated = negated;
    node->values.push_back(value.value);
    return node;
  }

  NodePtr DaysBeforePeriod() {
    Take();
    if (Peek().kind != TokenKind::kLParen) {
      return Fail(Peek(), absl::StrCat("expected '(' after days_before_period, found ", Describe(Peek())));
    }
    Take();
    const Token& argument = Peek();
    const AttributeInfo* info = argument.kind == TokenKind::kIdent ? FindAttribute(argument.text) : nullptr;
    if (info == nullptr || info->type != AttributeType::kDate) {
      return Fail(argument, absl::StrCat("expected a date attribute (last_penalty_date or "
                                         "supervision_listed_date) inside days_before_period(...), found ",
                                         Describe(argument)));
    }
    Take();
    if (Peek().kind != TokenKind::kRParen) {
      return Fail(Peek(), absl::StrCat("expected ')' after days_before_period(", info->name, ", found ",
                                       Describe(Peek())));
    }
    Take();
    if (Peek().kind != TokenKind::kOp) {
      return Fail(Peek(), absl::StrCat("expected a comparison after days_before_period(", info->name,
                                       ") (e.g. <= 365), found ", Describe(Peek())));
    }
    const Token& op = Take();
    if (Peek().kind != TokenKind::kInt) {
      return Fail(Peek(),
                  absl::StrCat("expected a number of days after '", op.text, "', found ", Describe(Peek())));
    }
    const Token& days = Take();
    auto node = std::make_shared<ConditionNode>();
    node->kind = NodeKind::kCompareDate;
    node->attribute = info->attribute;
    node->op = op.op;
    node->date_operand = DateOperand::kDaysBeforePeriod;
    node->number = days.number;
    return node;
  }

  NodePtr AttributeTail(const AttributeInfo& info, const Token& name) {
    const Token& next = Peek();
    if (next.kind == TokenKind::kOp) return Comparison(info, Take());
    if (IsWord(next, "in")) {
      Take();
      return InList(info, name, /*negated=*/false);
    }
    if (IsWord(next, "not") && IsWord(Peek(1), "in")) {
      Take();
      Take();
      return InList(info, name, /*negated=*/true);
    }
    if (IsWord(next, "is")) return Known(info);
    if (IsWord(next, "within")) return Within(info, name);
    if (IsWord(next, "starts_with")) return StartsWith(info, name);
    // A bare attribute: only flags stand alone.
    if (info.type == AttributeType::kFlag) {
      auto node = std::make_shared<ConditionNode>();
      node->kind = NodeKind::kFlag;
      node->attribute = info.attribute;
      return node;
    }
    return Fail(next,
                absl::StrCat("expected ", Usage(info), " after ", info.name, ", found ", Describe(next)));
  }

  // What may follow an attribute of this type, for messages.
  static std::string Usage(const AttributeInfo& info) {
    switch (info.type) {
      case AttributeType::kEnum:
        return absl::StrCat("a comparison with a value (", info.name, " == \"",
                            DomainOf(info.attribute).values.front().first, "\") or a list (", info.name,
                            " in [...])");
      case AttributeType::kFlag:
        return "'and', 'or', or == true/false";
      case AttributeType::kText:
      case AttributeType::kIdentifier:
        return absl::StrCat("a comparison with a string (", info.name, " == \"...\"), a list (", info.name,
                            " in [...])",
                            info.type == AttributeType::kText ? absl::StrCat(" or starts_with") : "");
      case AttributeType::kCount:
        return absl::StrCat("a comparison with a number (", info.name, " >= 1)");
      case AttributeType::kDate:
        return absl::StrCat("a comparison with a date (", info.name, " >= 2024-01-01) or 'within' (",
                            info.name, " within 1 year)");
      case AttributeType::kTags:
        return "nothing: tags is a list of labels, tested as \"固废\" in tags";
    }
    return "";
  }

  NodePtr Comparison(const AttributeInfo& info, const Token& op) {
    const Token& value = Peek();
    auto node = std::make_shared<ConditionNode>();
    node->attribute = info.attribute;
    node->op = op.op;
    const bool equality = op.op == CompareOp::kEq || op.op == CompareOp::kNe;
    switch (info.type) {
      case AttributeType::kFlag: {
        if (!equality) {
          return Fail(op, absl::StrCat(info.name, " is a yes/no flag: write ", info.name, ", not ", info.name,
                                       ", or ", info.name, " == true/false"));
        }
        if (!IsWord(value, "true") && !IsWord(value, "false")) {
          return Fail(value, absl::StrCat("expected true or false after '", op.text, "' (", info.name,
                                          " is a yes/no flag), found ", Describe(value)));
        }
        Take();
        node->kind = NodeKind::kFlag;
        // key_unit == false and key_unit != true are `not key_unit`.
        const bool wants_true = (value.text == "true") == (op.op == CompareOp::kEq);
        if (wants_true) return node;
        auto negation = std::make_shared<ConditionNode>();
        negation->kind = NodeKind::kNot;
        negation->children.push_back(node);
        return negation;
      }
      case AttributeType::kEnum: {
        if (value.kind != TokenKind::kString) {
          return Fail(value, absl::StrCat("expected a quoted value after '", op.text, "' (e.g. ", info.name,
                                          " ", op.text, " \"", DomainOf(info.attribute).values.front().first,
                                          "\"), found ", Describe(value)));
        }
        uint8_t literal = 0;
        if (!EnumLiteral(info, value, &literal)) return nullptr;
        Take();
        const EnumDomain& domain = DomainOf(info.attribute);
        if (!equality && !domain.ordered) {
          return Fail(op, absl::StrCat(info.name, " has no order; list the values instead: ", info.name,
                                       " in [\"...\", \"...\"]"));
        }
        node->kind = equality ? NodeKind::kInList : NodeKind::kEnumOrder;
        node->negated = op.op == CompareOp::kNe;
        node->values.push_back(EnumNameOf(info.attribute, literal));
        for (const auto& [name, v] : domain.values) {
          const bool in = equality ? (v == literal) : CompareInts(v, op.op, literal);
          if (in != node->negated) node->enum_values.push_back(v);
        }
        return node;
      }
      case AttributeType::kText:
      case AttributeType::kIdentifier: {
        if (!equality) {
          return Fail(op, absl::StrCat(info.name, " is text and has no order; list the values instead: ",
                                       info.name, " in [\"C\", \"D\"]"));
        }
        if (value.kind != TokenKind::kString) {
          return Fail(value, absl::StrCat("expected a quoted string after '", op.text, "' (e.g. ", info.name,
                                          " ", op.text, " \"A\"), found ", Describe(value)));
        }
        if (value.value.empty()) return EmptyValue(info, value);
        Take();
        node->kind = NodeKind::kInList;
        node->negated = op.op == CompareOp::kNe;
        node->values.push_back(value.value);
        return node;
      }
      case AttributeType::kCount: {
        if (value.kind != TokenKind::kInt) {
          return Fail(value, absl::StrCat("expected a whole number after '", op.text, "' (", info.name,
                                          " is a count), found ", Describe(value)));
        }
        Take();
        node->kind = NodeKind::kCompareInt;
        node->number = value.number;
        return node;
      }
      case AttributeType::kDate: {
        node->kind = NodeKind::kCompareDate;
        if (value.kind == TokenKind::kDate) {
          node->day = value.day;
        } else if (IsWord(value, "period_start")) {
          node->date_operand = DateOperand::kPeriodStart;
        } else if (IsWord(value, "period_end")) {
          node->date_operand = DateOperand::kPeriodEnd;
        } else {
          return Fail(value, absl::StrCat("expected a date after '", op.text,
                                          "' (YYYY-MM-DD, period_start or "
                                          "period_end; or write ",
                                          info.name, " within 1 year), found ", Describe(value)));
        }
        Take();
        return node;
      }
      case AttributeType::kTags:
        break;
    }
    return Fail(op, "tags is a list of labels; test one with \"固废\" in tags");
  }

  NodePtr EmptyValue(const AttributeInfo& info, const Token& at) {
    return Fail(at, absl::StrCat("an empty string is not a value; to test for a missing ", info.name,
                                 " write ", info.name, " is unknown"));
  }

  bool EnumLiteral(const AttributeInfo& info, const Token& token, uint8_t* value) {
    if (token.value.empty()) {
      EmptyValue(info, token);
      return false;
    }
    *value = EnumValueOf(info.attribute, token.value);
    if (*value != 0) return true;
    std::vector<std::string> accepted;
    for (const auto& [name, v] : DomainOf(info.attribute).values) accepted.push_back(Quote(name));
    Fail(token, absl::StrCat("unknown ", info.name, " value ", Quote(token.value), "; expected one of ",
                             absl::StrJoin(accepted, ", ")));
    return false;
  }

  NodePtr InList(const AttributeInfo& info, const Token& name, bool negated) {
    if (info.type == AttributeType::kTags) {
      return Fail(name, "tags goes on the right: write \"固废\" in tags");
    }
    if (info.type != AttributeType::kEnum && info.type != AttributeType::kText &&
        info.type != AttributeType::kIdentifier) {
      return Fail(name, absl::StrCat(info.name, " cannot be tested with 'in'; use ", Usage(info)));
    }
    std::vector<Token> items;
    if (!List(&items)) return nullptr;
    auto node = std::make_shared<ConditionNode>();
    node->kind = NodeKind::kInList;
    node->attribute = info.attribute;
    node->negated = negated;
    node->list_syntax = true;
    for (const Token& item : items) {
      if (item.value.empty()) return EmptyValue(info, item);
      if (info.type == AttributeType::kEnum) {
        uint8_t literal = 0;
        if (!EnumLiteral(info, item, &literal)) return nullptr;
        node->values.push_back(EnumNameOf(info.attribute, literal));
        node->enum_values.push_back(literal);
      } else {
        node->values.push_back(item.value);
      }
    }
    if (info.type == AttributeType::kEnum && negated) {
      std::vector<uint8_t> complement;
      for (const auto& [n, v] : DomainOf(info.attribute).values) {
        if (std::find(node->enum_values.begin(), node->enum_values.end(), v) == node->enum_values.end()) {
          complement.push_back(v);
        }
      }
      node->enum_values = std::move(complement);
    }
    return node;
  }

  // '[' string {',' string} [','] ']' — at least one string.
  bool List(std::vector<Token>* items) {
    if (Peek().kind != TokenKind::kLBracket) {
      Fail(Peek(),
           absl::StrCat("expected a list such as [\"a\", \"b\"] after 'in', found ", Describe(Peek())));
      return false;
    }
    Take();
    while (true) {
      if (Peek().kind == TokenKind::kRBracket && !items->empty()) break;
      if (Peek().kind != TokenKind::kString) {
        Fail(Peek(), absl::StrCat(items->empty() ? "expected a quoted value in the list"
                                                 : "expected another quoted value or ']'",
                                  ", found ", Describe(Peek())));
        return false;
      }
      items->push_back(Take());
      if (Peek().kind == TokenKind::kComma) {
        Take();
        continue;
      }
      if (Peek().kind != TokenKind::kRBracket) {
        Fail(Peek(), absl::StrCat("expected ',' or ']' in the list, found ", Describe(Peek())));
        return false;
      }
    }
    Take();
    return true;
  }

  NodePtr Known(const AttributeInfo& info) {
    Take();  // is
    bool want_known = true;
    if (IsWord(Peek(), "not")) {
      Take();
      want_known = false;
    }
    if (!IsWord(Peek(), "known") && !IsWord(Peek(), "unknown")) {
      return Fail(Peek(), absl::StrCat("expected 'known' or 'unknown' after 'is', found ", Describe(Peek())));
    }
    if (info.type == AttributeType::kTags || info.attribute == Attribute::kId) {
      return Fail(Peek(), absl::StrCat(info.name, " is never unknown (",
                                       info.type == AttributeType::kTags ? "no tag means the tag is absent"
                                                                         : "every entity has an id",
                                       ")"));
    }
    if (Peek().text == "unknown") want_known = !want_known;
    Take();
    auto node = std::make_shared<ConditionNode>();
    node->kind = NodeKind::kKnown;
    node->attribute = info.attribute;
    node->negated = !want_known;
    return node;
  }

  NodePtr Within(const AttributeInfo& info, const Token& name) {
    const Token& within = Take();
    if (info.type != AttributeType::kDate) {
      return Fail(within,
                  absl::StrCat("'within' applies to dates (last_penalty_date, supervision_listed_date), "
                               "not to ",
                               info.name));
    }
    if (Peek().kind != TokenKind::kInt || Peek().number <= 0) {
      return Fail(Peek(), absl::StrCat("expected a positive whole number after 'within' (e.g. ", name.text,
                                       " within 1 year), found ", Describe(Peek())));
    }
    const Token& amount = Take();
    const Token& unit = Peek();
    auto node = std::make_shared<ConditionNode>();
    node->kind = NodeKind::kWithin;
    node->attribute = info.attribute;
    node->number = amount.number;
    if (IsWord(unit, "day") || IsWord(unit, "days")) {
      node->unit = DateUnit::kDays;
    } else if (IsWord(unit, "month") || IsWord(unit, "months")) {
      node->unit = DateUnit::kMonths;
    } else if (IsWord(unit, "year") || IsWord(unit, "years")) {
      node->unit = DateUnit::kYears;
    } else {
      return Fail(unit, absl::StrCat("expected days, months or years after ", amount.text, ", found ",
                                     Describe(unit)));
    }
    Take();
    return node;
  }

  NodePtr StartsWith(const AttributeInfo& info, const Token& name) {
    const Token& keyword = Take();
    if (info.type != AttributeType::kText) {
      return Fail(
          keyword,
          absl::StrCat("starts_with applies to credit, env_credit, area and industry, not to ", name.text));
    }
    auto node = std::make_shared<ConditionNode>();
    node->kind = NodeKind::kStartsWith;
    node->attribute = info.attribute;
    std::vector<Token> items;
    if (Peek().kind == TokenKind::kString) {
      items.push_back(Take());
    } else if (Peek().kind == TokenKind::kLBracket) {
      node->list_syntax = true;
      if (!List(&items)) return nullptr;
    } else {
      return Fail(Peek(), absl::StrCat("expected a quoted prefix or a list of them after starts_with (e.g. ",
                                       name.text, " starts_with \"C26\"), found ", Describe(Peek())));
    }
    for (const Token& item : items) {
      if (item.value.empty()) return Fail(item, "an empty prefix matches everything; remove it");
      node->values.push_back(item.value);
    }
    return node;
  }

  // The 1-based character column of `offset` on its line.
  int ColumnOf(size_t offset) const {
    int column = 1;
    for (size_t i = 0; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        column = 1;
      } else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    return column;
  }

  absl::string_view text_;
  std::vector<Token> tokens_;
  ConditionError* error_;
  size_t pos_ = 0;
  int depth_ = 0;
};

void LocateError(absl::string_view text, ConditionError* error) {
  error->line = 1;
  error->column = 1;
  for (size_t i = 0; i < error->offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++error->line;
      error->column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++error->column;
    }
  }
}

// Display width of a UTF-8 string: CJK and full-width characters take two columns.
size_t DisplayWidth(absl::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;
    width += (byte >= 0xE3) ? 2 : 1;
  }
  return width;
}

// Precedence for printing: or < and < not < predicate.
int Precedence(const ConditionNode& node) {
  switch (node.kind) {
    case NodeKind::kOr:
      return 1;
    case NodeKind::kAnd:
      return 2;
    case NodeKind::kNot:
      return 3;
    default:
      return 4;
  }
}

std::string QuotedList(const std::vector<std::string>& values) {
  std::vector<std::string> quoted;
  for (const std::string& v : values) quoted.push_back(Quote(v));
  return absl::StrCat("[", absl::StrJoin(quoted, ", "), "]");
}

absl::string_view UnitName(DateUnit unit, int64_t amount) {
  switch (unit) {
    case DateUnit::kDays:
      return amount == 1 ? "day" : "days";
    case DateUnit::kMonths:
      return amount == 1 ? "month" : "months";
    case DateUnit::kYears:
      break;
  }
  return amount == 1 ? "year" : "years";
}

}  // namespace

const AttributeInfo* FindAttribute(absl::string_view name) {
  for (const AttributeInfo& info : kAttributes) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

const AttributeInfo& InfoOf(Attribute attribute) { return kAttributes[static_cast<size_t>(attribute)]; }

absl::string_view CompareOpText(CompareOp op) {
  static constexpr std::array<absl::string_view, 6> kText = {"==", "!=", "<", "<=", ">", ">="};
  return kText[static_cast<size_t>(op)];
}

std::shared_ptr<const ConditionNode> ParseConditionText(absl::string_view text, ConditionError* error) {
  *error = ConditionError();
  std::vector<Token> tokens;
  std::shared_ptr<const ConditionNode> root;
  // Conditions are UTF-8 like every text the library reads: a string literal in another encoding would
  // never equal a directory's (UTF-8) values, and would make the printed condition and messages not UTF-8.
  if (const size_t bad = FindInvalidUtf8(text); bad < text.size()) {
    error->offset = bad;
    error->message = absl::StrFormat(
        "the condition is not UTF-8 text (byte 0x%02X); if it was saved as GBK/GB18030, save it again as "
        "UTF-8",
        static_cast<unsigned char>(text[bad]));
    LocateError(text, error);
    return nullptr;
  }
  Lexer lexer(text, error);
  if (lexer.Run(&tokens)) {
    if (tokens.size() == 1) {
      error->offset = 0;
      error->message =
          "the condition is empty; write one (e.g. permit_class == \"key\"), or true to match "
          "every entity";
    } else {
      root = Parser(text, std::move(tokens), error).Run();
    }
  }
  if (root == nullptr) LocateError(text, error);
  return root;
}

std::string ConditionSnippet(absl::string_view text, size_t error_offset) {
  const size_t offset = std::min(error_offset, text.size());
  const size_t newline = text.substr(0, offset).rfind('\n');
  const size_t line_start = newline == absl::string_view::npos ? 0 : newline + 1;
  size_t line_end = text.find('\n', line_start);
  if (line_end == absl::string_view::npos) line_end = text.size();
  absl::string_view line = text.substr(line_start, line_end - line_start);
  const size_t caret = DisplayWidth(text.substr(line_start, offset - line_start));
  // The line may hold bytes that are not UTF-8 after the error (a condition that is not UTF-8 stops at the
  // first such byte), so it is quoted with them escaped.
  return absl::StrCat("\n    ", Utf8Safe(line), "\n    ", std::string(caret, ' '), "^");
}

std::string FormatConditionError(absl::string_view text, const ConditionError& error) {
  return absl::StrCat("line ", error.line, ", column ", error.column, ": ", error.message,
                      ConditionSnippet(text, error.offset));
}

std::string PrintCondition(const ConditionNode& node) {
  // Parentheses only where needed: `not not x` rather than `not (not x)`, so that the printed form never
  // nests deeper than the text it came from (and a condition at the nesting limit prints to one that parses).
  auto child = [&node](const std::shared_ptr<const ConditionNode>& c) {
    std::string text = PrintCondition(*c);
    return Precedence(*c) < Precedence(node) ? absl::StrCat("(", text, ")") : text;
  };
  const absl::string_view name = InfoOf(node.attribute).name;
  switch (node.kind) {
    case NodeKind::kConst:
      return node.truth ? "true" : "false";
    case NodeKind::kAnd:
    case NodeKind::kOr: {
      std::vector<std::string> parts;
      for (const auto& c : node.children) parts.push_back(child(c));
      return absl::StrJoin(parts, node.kind == NodeKind::kAnd ? " and " : " or ");
    }
    case NodeKind::kNot:
      return absl::StrCat("not ", child(node.children[0]));
    case NodeKind::kFlag:
      return std::string(name);
    case NodeKind::kKnown:
      return absl::StrCat(name, node.negated ? " is unknown" : " is known");
    case NodeKind::kCompareInt:
      return absl::StrCat(name, " ", CompareOpText(node.op), " ", node.number);
    case NodeKind::kCompareDate:
      switch (node.date_operand) {
        case DateOperand::kLiteral:
          return absl::StrCat(name, " ", CompareOpText(node.op), " ", FormatDate(node.day));
        case DateOperand::kPeriodStart:
          return absl::StrCat(name, " ", CompareOpText(node.op), " period_start");
        case DateOperand::kPeriodEnd:
          return absl::StrCat(name, " ", CompareOpText(node.op), " period_end");
        case DateOperand::kDaysBeforePeriod:
          return absl::StrCat("days_before_period(", name, ") ", CompareOpText(node.op), " ", node.number);
      }
      break;
    case NodeKind::kWithin:
      return absl::StrCat(name, " within ", node.number, " ", UnitName(node.unit, node.number));
    case NodeKind::kInList:
      if (node.list_syntax) {
        return absl::StrCat(name, node.negated ? " not in " : " in ", QuotedList(node.values));
      }
      return absl::StrCat(name, node.negated ? " != " : " == ", Quote(node.values.front()));
    case NodeKind::kEnumOrder:
      return absl::StrCat(name, " ", CompareOpText(node.op), " ", Quote(node.values.front()));
    case NodeKind::kStartsWith:
      return absl::StrCat(name, " starts_with ",
                          node.list_syntax ? QuotedList(node.values) : Quote(node.values.front()));
    case NodeKind::kHasTag:
      return absl::StrCat(Quote(node.values.front()), node.negated ? " not in tags" : " in tags");
  }
  return "";
}

void CollectAttributes(const ConditionNode& node, std::vector<std::string>* names) {
  if (node.kind == NodeKind::kConst) return;
  if (node.kind == NodeKind::kAnd || node.kind == NodeKind::kOr || node.kind == NodeKind::kNot) {
    for (const auto& c : node.children) CollectAttributes(*c, names);
    return;
  }
  names->emplace_back(InfoOf(node.attribute).name);
}

}  // namespace ssr::internal
