package chart

import "fmt"

// Cell is one square of a matrix: a short label and its tone.
type Cell struct {
	Label string
	Tone  Tone
	Href  string
}

// Matrix geometry.
const (
	mxLeft        = 170
	mxHeader      = 44
	mxColWidth    = 118
	mxRowHeight   = 30
	mxRowRunes    = 24
	mxColRunes    = 18
	mxCellRunes   = 17
	mxCellPadding = 2
)

// Matrix draws rows × columns of labelled, coloured cells: cells[i][j] is
// row i, column j; a missing cell is drawn empty.
func Matrix(l Labels, rows, cols []string, cells [][]Cell) string {
	var c canvas
	width := mxLeft + mxColWidth*max(len(cols), 1) + 8
	height := mxHeader + mxRowHeight*max(len(rows), 1) + 8
	c.open(l, width, height)
	for j, name := range cols {
		x := float64(mxLeft + mxColWidth*j + mxColWidth/2)
		c.textTip(x, mxHeader-10, "middle", axisFill, truncate(name, mxColRunes), name)
	}
	for i, name := range rows {
		y := float64(mxHeader + mxRowHeight*i)
		c.textTip(mxLeft-8, y+mxRowHeight/2+4, "end", axisFill, truncate(name, mxRowRunes), name)
		for j := range cols {
			var cell Cell
			if i < len(cells) && j < len(cells[i]) {
				cell = cells[i][j]
			}
			x := float64(mxLeft + mxColWidth*j)
			tip := fmt.Sprintf("%s · %s: %s", name, cols[j], cell.Label)
			c.link(cell.Href, func() {
				c.rect(x+mxCellPadding, y+mxCellPadding, mxColWidth-2*mxCellPadding, mxRowHeight-2*mxCellPadding, cell.Tone.fill(), tip)
				fill := "#ffffff"
				if cell.Tone == ToneNeutral {
					fill = axisFill
				}
				c.text(x+mxColWidth/2, y+mxRowHeight/2+4, "middle", fill, truncate(cell.Label, mxCellRunes))
			})
		}
	}
	return c.close()
}
