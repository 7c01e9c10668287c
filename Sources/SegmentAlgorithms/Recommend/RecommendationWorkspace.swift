import SegmentBase

/// Scratch buffers for ranking one customer at a time, allocated once per
/// chunk of customers and reset sparsely (only the touched entries).
final class RecommendationWorkspace {
    /// Similarity accumulator over customers (zero between uses).
    var customerScores: [Double]
    /// Whether a customer is listed in `touchedCustomers` (false between uses).
    ///
    /// A mark of its own, not "the score is non-zero": a score can stay or
    /// return to zero (a zero or negative weight), and listing a customer
    /// twice would overrun the list.
    var customerTouched: [Bool]
    /// Customers with a `customerScores` entry in use (first `touchedCustomerCount`).
    var touchedCustomers: [Int32]
    /// Number of touched customers.
    var touchedCustomerCount = 0
    /// Score accumulator over items (zero between uses).
    var itemScores: [Double]
    /// Whether an item is listed in `touchedItems` (false between uses; see `customerTouched`).
    var itemTouched: [Bool]
    /// Items with an `itemScores` entry in use (first `touchedItemCount`).
    var touchedItems: [Int32]
    /// Number of touched items.
    var touchedItemCount = 0
    /// `purchaseMark[i] == current` when the current customer bought item i.
    var purchaseMark: [Int32]
    /// The current customer's mark (-1 when purchased items are allowed).
    var current: Int32 = -1
    /// Neighbours of the current customer.
    var neighbours: TopList
    /// The output list.
    var result: TopList
    /// Scratch list for hybrid components.
    var component: TopList
    /// The method that produced the first `primaryCount` entries of `result`.
    var primaryMethod: RecommendationMethod = .popular
    /// Entries of `result` produced by `primaryMethod` (the rest are popular).
    var primaryCount = 0

    /// Buffers for `customers` × `items` interactions, lists of `top` and
    /// `neighbors` neighbours.
    init(customers: Int, items: Int, top: Int, neighbors: Int) {
        customerScores = [Double](repeating: 0, count: customers)
        customerTouched = [Bool](repeating: false, count: customers)
        touchedCustomers = [Int32](repeating: 0, count: customers)
        itemScores = [Double](repeating: 0, count: items)
        itemTouched = [Bool](repeating: false, count: items)
        touchedItems = [Int32](repeating: 0, count: items)
        purchaseMark = [Int32](repeating: -1, count: items)
        neighbours = TopList(capacity: neighbors)
        result = TopList(capacity: top)
        component = TopList(capacity: max(3 * top, 30))
    }

    /// Starts a customer: empties the result and marks their purchases in
    /// `purchased` (nil: no item is excluded).
    func begin(customer: Int, purchased: SparseMatrix?) {
        result.removeAll()
        current = purchased == nil ? -1 : Int32(customer)
        guard let purchased else { return }
        for position in purchased.entries(ofRow: customer) {
            purchaseMark[Int(purchased.columnIndices[position])] = Int32(customer)
        }
    }

    /// Whether `item` may be recommended to the current customer.
    @inline(__always)
    func isAllowed(_ item: Int32) -> Bool {
        current < 0 || purchaseMark[Int(item)] != current
    }

    /// Adds `amount` to the score of `item`, remembering it as touched.
    @inline(__always)
    func addItemScore(_ item: Int32, _ amount: Double) {
        if !itemTouched[Int(item)] {
            itemTouched[Int(item)] = true
            touchedItems[touchedItemCount] = item
            touchedItemCount += 1
        }
        itemScores[Int(item)] += amount
    }

    /// Offers every touched item with a positive score to `list` (allowed
    /// items only) and clears the item accumulator.
    func drainItems(into list: inout TopList) {
        let count = touchedItemCount
        touchedItemCount = 0
        itemScores.withUnsafeMutableBufferPointer { scores in
            touchedItems.withUnsafeBufferPointer { touched in
                purchaseMark.withUnsafeBufferPointer { marks in
                    for index in 0..<count {
                        let item = touched[index]
                        let score = scores[Int(item)]
                        scores[Int(item)] = 0
                        itemTouched[Int(item)] = false
                        if score > 0 && (current < 0 || marks[Int(item)] != current) { list.offer(item, score) }
                    }
                }
            }
        }
    }
}
