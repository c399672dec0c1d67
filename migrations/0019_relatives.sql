-- Relatives as an outcome of identity resolution: what a candidate pair's names, sexes and years
-- say besides "maybe one person" (src/linkage/relations.ts): siblings, twins, parent_child,
-- grandparent_grandchild, cousins, uncle_nephew, generations_apart, different_sex, or none.
-- Such pairs are candidates only with strong evidence (same ID, same full date of birth), and the
-- review screen labels them probable relatives. Rows written before this migration have none.
ALTER TABLE match_candidate ADD COLUMN relation text NOT NULL DEFAULT 'none'
  CHECK (relation IN ('none','siblings','twins','parent_child','grandparent_grandchild','cousins','uncle_nephew','generations_apart','different_sex'));
