// `import SegmentCore` gives a user of the library every layer's public
// types: the jobs here, and the tables, readers and algorithms below them.
@_exported import SegmentAlgorithms
@_exported import SegmentBase
@_exported import SegmentIO
