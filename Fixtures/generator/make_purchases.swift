// Generates Fixtures/products.csv and Fixtures/purchases.csv from
// Fixtures/mall_customers.csv, deterministically (seeded SplitMix64).
//
//     swift Fixtures/generator/make_purchases.swift   # run from the package root
//
// The rules that shape the data are documented in Fixtures/README.md; the
// short version: each customer gets a "shopping style" from income, spending
// score and age, and 70 % of their purchases come from the catalog tag that
// style prefers (premium, discount, new arrival, classic, everyday).
import Foundation

/// Steele, Lea & Flood's SplitMix64, the same generator as SegmentCore's.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A uniform double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    /// A uniform integer in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(unit() * Double(n)) }
}

/// Index drawn from `weights` (cumulative search).
func draw(_ weights: [Double], _ rng: inout SplitMix64) -> Int {
    let total = weights.reduce(0, +)
    var u = rng.unit() * total
    for (index, weight) in weights.enumerated() {
        u -= weight
        if u < 0 { return index }
    }
    return weights.count - 1
}

// MARK: catalog

let tags = ["premium", "discount", "new arrival", "classic", "everyday"]
let tagWords = [
    "premium": "luxury premium handcrafted exclusive finest materials",
    "discount": "sale discounted value bargain budget price cut",
    "new arrival": "new arrival latest season trending fresh drop",
    "classic": "classic timeless durable reliable long lasting",
    "everyday": "everyday essential basic practical simple",
]
/// Price range (min, max) per tag, in currency units.
let tagPrice: [String: (Double, Double)] = [
    "premium": (120, 400), "discount": (5, 30), "new arrival": (40, 120),
    "classic": (50, 150), "everyday": (15, 60),
]
let categories = ["apparel", "footwear", "beauty", "electronics", "home", "sports"]
let nouns = [
    "apparel": ["jacket", "shirt", "dress", "sweater", "coat", "jeans"],
    "footwear": ["sneakers", "boots", "loafers", "sandals", "heels", "trainers"],
    "beauty": ["serum", "perfume", "lipstick", "cream", "palette", "cleanser"],
    "electronics": ["headphones", "speaker", "smartwatch", "tablet", "camera", "charger"],
    "home": ["lamp", "blanket", "vase", "cookware", "pillow", "candle"],
    "sports": ["racket", "yoga mat", "bike helmet", "running shorts", "backpack", "dumbbells"],
]
/// Brands and the tags they make.
let brands: [(name: String, tags: [String])] = [
    ("Aurelia", ["premium"]), ("Maison Vey", ["premium"]), ("Noble & Co", ["premium", "classic"]),
    ("ThriftyMart", ["discount"]), ("ValueLine", ["discount", "everyday"]), ("BudgetBox", ["discount"]),
    ("Nova", ["new arrival"]), ("Pulse", ["new arrival"]), ("Zenith Labs", ["new arrival", "premium"]),
    ("Heritage", ["classic"]), ("Oakwood", ["classic"]), ("Steadfast", ["classic", "everyday"]),
    ("Daily", ["everyday"]), ("Basics Co", ["everyday"]), ("Urban Loop", ["everyday", "new arrival"]),
]
let adjectives = ["signature", "essential", "studio", "urban", "coastal", "alpine", "midnight", "meadow", "metro", "summit"]

var rng = SplitMix64(state: 20_240_101)

struct Product { var id: String; var name: String; var category: String; var description: String; var price: Double; var brand: String; var tag: String }
var products: [Product] = []
for (tagIndex, tag) in tags.enumerated() {
    let makers = brands.filter { $0.tags.contains(tag) }
    for slot in 0..<30 {
        let number = tagIndex * 30 + slot + 1
        let category = categories[slot % categories.count]
        let noun = nouns[category]![(slot / categories.count + tagIndex) % 6]
        let brand = makers[slot % makers.count].name
        let adjective = adjectives[rng.below(adjectives.count)]
        let (low, high) = tagPrice[tag]!
        let price = ((low + rng.unit() * (high - low)) * 100).rounded() / 100
        let description = "\(tagWords[tag]!) \(category) \(noun) by \(brand)"
        products.append(Product(id: String(format: "P%03d", number), name: "\(brand) \(adjective) \(noun)",
                                 category: category, description: description, price: price, brand: brand, tag: tag))
    }
}
/// Popularity inside a tag: Zipf-like, in a shuffled order so ids carry no rank.
var popularity = [Double](repeating: 0, count: products.count)
for tagIndex in 0..<tags.count {
    var order = Array(0..<30)
    for i in stride(from: 29, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
    for (rank, slot) in order.enumerated() { popularity[tagIndex * 30 + slot] = 1 / pow(Double(rank + 1), 0.6) }
}

// MARK: customers

let mallPath = "Fixtures/mall_customers.csv"
guard let mall = try? String(contentsOfFile: mallPath, encoding: .utf8) else {
    fatalError("run from the package root: cannot read \(mallPath)")
}
struct Customer { var id: String; var gender: String; var age: Int; var income: Int; var spending: Int }
let customers: [Customer] = mall.split(whereSeparator: \.isNewline).dropFirst().map { line in
    let f = line.split(separator: ",").map(String.init)
    return Customer(id: f[0], gender: f[1], age: Int(f[2])!, income: Int(f[3])!, spending: Int(f[4])!)
}

/// The shopping style (a tag) of a customer; the first matching rule wins.
func style(_ c: Customer) -> String {
    if c.spending >= 60 && c.age < 30 { return "new arrival" }     // young high spenders
    if c.income >= 70 && c.spending >= 60 { return "premium" }     // affluent high spenders
    if c.spending < 40 && c.income < 50 { return "discount" }      // price-sensitive
    if c.income >= 70 && c.spending < 40 { return "classic" }      // careful affluent
    return "everyday"                                              // mainstream
}

// MARK: purchases

let dayZero = 19_723   // 2024-01-01 as days since 1970-01-01
let dayCount = 731     // 2024-01-01 ... 2025-12-31
func isoDate(_ day: Int) -> String {
    let date = Date(timeIntervalSince1970: Double(day) * 86_400)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
}

struct Purchase { var customer: Int; var product: Int; var quantity: Int; var day: Int }
var purchases: [Purchase] = []
for (index, customer) in customers.enumerated() {
    if (index + 1) % 20 == 0 { continue }   // every 20th customer has no purchases: cold start
    let tagIndex = tags.firstIndex(of: style(customer))!
    let favourite = rng.below(categories.count)
    let count = 4 + customer.spending / 10 + rng.below(4)
    for _ in 0..<count {
        var weights = [Double](repeating: 0, count: products.count)
        let fromStyle = rng.unit() < 0.8
        for (p, product) in products.enumerated() {
            if fromStyle && p / 30 != tagIndex { continue }
            let liked = product.category == categories[favourite] ? 4.0 : 1.0
            weights[p] = popularity[p] * liked
        }
        let product = draw(weights, &rng)
        let quantity = 1 + (rng.unit() < 0.25 ? 1 + rng.below(3) : 0)
        purchases.append(Purchase(customer: index, product: product, quantity: quantity, day: rng.below(dayCount)))
    }
}
purchases.sort { ($0.day, $0.customer, $0.product) < ($1.day, $1.customer, $1.product) }

// MARK: output

func csvField(_ text: String) -> String {
    text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
}
var catalog = "product_id,name,category,description,price,brand\n"
for p in products {
    catalog += [p.id, p.name, p.category, p.description, String(format: "%.2f", p.price), p.brand].map(csvField).joined(separator: ",") + "\n"
}
var log = "customer_id,product_id,quantity,date,amount\n"
for purchase in purchases {
    let product = products[purchase.product]
    let cents = Int((product.price * 100).rounded()) * purchase.quantity
    log += "\(customers[purchase.customer].id),\(product.id),\(purchase.quantity),\(isoDate(dayZero + purchase.day)),\(cents / 100).\(String(format: "%02d", cents % 100))\n"
}
try! catalog.write(toFile: "Fixtures/products.csv", atomically: true, encoding: .utf8)
try! log.write(toFile: "Fixtures/purchases.csv", atomically: true, encoding: .utf8)
print("wrote Fixtures/products.csv (\(products.count) products) and Fixtures/purchases.csv (\(purchases.count) purchases)")
