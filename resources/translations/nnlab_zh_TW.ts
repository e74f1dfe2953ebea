<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>ActivationCurvesView</name>
    <message>
        <source>activation a = f(z)</source>
        <translation>激勵值 a = f(z)</translation>
    </message>
    <message>
        <source>The activation functions</source>
        <translation>激勵函數</translation>
    </message>
    <message>
        <source>z = %1</source>
        <translation>z = %1</translation>
    </message>
    <message>
        <source>slope f′(z)</source>
        <translation>斜率 f′(z)</translation>
    </message>
    <message>
        <source>Their slopes, and where they saturate</source>
        <translation>它們的斜率，以及在哪裡飽和</translation>
    </message>
</context>
<context>
    <name>ActivationNotes</name>
    <message>
        <source>nowhere</source>
        <translation>無</translation>
    </message>
    <message>
        <source>A unit passes its input z = w·x + b through an activation f: its output is a = f(z).</source>
        <translation>一個單元把輸入 z = w·x + b 送進激勵函數 f：它的輸出是 a = f(z)。</translation>
    </message>
    <message>
        <source>Move z with the slider (or type it): each point sits on its curve, its dashed tangent has the function&apos;s slope there.</source>
        <translation>用滑桿移動 z（或直接輸入）：每個點都落在各自的曲線上，點上的虛線切線的斜率就是函數在該處的斜率。</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>定義</translation>
    </message>
    <message>
        <source>f(z) at z = %1</source>
        <translation>z = %1 處的 f(z)</translation>
    </message>
    <message>
        <source>saturated</source>
        <extracomment>(epoch, Evaluation) of the newest epoch the training process evaluated, or None Characters that oblige an argument of Exec to be quoted (Desktop Entry Specification, &quot;The Exec key&quot;). Caption line height as a multiple of the font&apos;s height: room above and below the text. The caption may shrink to this share of the widget&apos;s font size before it wraps. What separates the caption&apos;s parts: it wraps only there, never inside &quot;epoch 300 of 300&quot;. The title above a figure: its font size as a multiple of the widget&apos;s, and its line height. The blank left and right of a title or caption, as a share of the figure&apos;s width. How a title or caption is drawn: it may still wrap inside a line too long on its own. a name of its own, so that pyside6-lupdate finds the texts it translates PNG width when none is asked for, as a multiple of the widget&apos;s width on screen. Widest PNG drawn (pixels), so a typo in the width does not exhaust the memory. A slide&apos;s shape (width : height), for figures laid out to fill one. Narrowest a figure laid out for a slide is drawn (pixels of the widget): its default PNG, DEFAULT_PNG_SCALE times as wide, is at least 1920 px wide, a full-HD slide.</extracomment>
        <translation>飽和區</translation>
    </message>
    <message>
        <source>Largest slopes and saturation</source>
        <translation>最大斜率與飽和區</translation>
    </message>
    <message>
        <source>f′ at z = %1</source>
        <translation>z = %1 處的 f′</translation>
    </message>
    <message>
        <source>Slope below %1 (shaded under the axis): saturated, a gradient through the unit all but stops.</source>
        <translation>斜率小於 %1（軸下方的陰影）即為飽和：穿過該單元的梯度幾乎停滯。</translation>
    </message>
    <message>
        <source>f′(z) multiplies every gradient passing back through the unit. The sigmoid&apos;s slope is never more than 1/4; tanh&apos;s and ReLU&apos;s reach 1. ReLU&apos;s slope is 0 for every z &lt; 0, leaky ReLU&apos;s stays 0.01 there: small, but never zero.</source>
        <translation>反向傳播時，每個穿過該單元的梯度都要乘以 f′(z)。sigmoid 的斜率永遠不會超過 1/4；tanh 與 ReLU 的斜率最大可達 1。ReLU 在所有 z &lt; 0 處斜率為 0，leaky ReLU 在那裡維持 0.01：很小，但絕不為零。</translation>
    </message>
    <message>
        <source>Backpropagation multiplies one slope per layer: the gradient reaching the first of n layers is</source>
        <translation>反向傳播每經過一層就乘上一個斜率：到達 n 層中第一層的梯度是</translation>
    </message>
    <message>
        <source>With weights of at most 1, the sigmoid&apos;s slopes alone give</source>
        <translation>若權重都不超過 1，光是 sigmoid 的斜率就給出</translation>
    </message>
    <message>
        <source>The first layers of a deep sigmoid net hardly learn: their gradient vanishes. tanh′ and ReLU′ reach 1, so their bound stays 1 (ReLU′ is exactly 1 wherever a unit is on).</source>
        <translation>深層 sigmoid 網路的前幾層幾乎學不動：它們的梯度消失了。tanh′ 與 ReLU′ 最大可達 1，所以它們的上界一直是 1（單元處於啟動狀態時，ReLU′ 恰好為 1）。</translation>
    </message>
    <message>
        <source>In the lab: deep sigmoid vs ReLU</source>
        <translation>網路實驗室：深層 sigmoid 與 ReLU</translation>
    </message>
    <message>
        <source>Open the example “Deep network: sigmoid vs ReLU” in the lab: six hidden layers of sigmoid units against ReLU units, from the same start, on handwritten digits</source>
        <translation>在網路實驗室中開啟範例「深層網路：sigmoid 與 ReLU」：六個隱藏層的 sigmoid 單元與 ReLU 單元對照，從相同的起點出發，學習手寫數字</translation>
    </message>
    <message>
        <source>Why depth starves sigmoid layers</source>
        <translation>為什麼深度會讓 sigmoid 層得不到梯度</translation>
    </message>
    <message>
        <source>Without a non-linearity each layer is a linear map, and two linear maps make one:</source>
        <translation>沒有非線性，每一層都只是一個線性映射，而兩個線性映射合起來仍是一個：</translation>
    </message>
    <message>
        <source>However many linear layers: one linear map, one straight cut through the plane, no better than no hidden layer at all. No straight cut separates XOR&apos;s classes. In the lab, watch the decision regions: linear units stay one straight cut, tanh units bend around the corners.</source>
        <translation>無論疊多少個線性層：都只是一個線性映射，只能用一條直線切分平面，並不比完全沒有隱藏層更好。沒有任何一條直線能分開 XOR 的各個類別。在網路實驗室中觀察決策區域：線性單元始終只有一條直線分界，tanh 單元的分界則能繞著各個角彎曲。</translation>
    </message>
    <message>
        <source>In the lab: XOR, linear vs tanh</source>
        <translation>網路實驗室：XOR，線性與 tanh</translation>
    </message>
    <message>
        <source>Open the example “XOR: linear vs tanh hidden units” in the lab: a 2-8-2 network on noisy XOR, linear hidden units against tanh units</source>
        <translation>在網路實驗室中開啟範例「XOR：線性與 tanh 隱藏單元」：在帶雜訊的 XOR 上訓練 2-8-2 網路，線性隱藏單元與 tanh 單元對照</translation>
    </message>
    <message>
        <source>In the lab: three linear layers</source>
        <translation>網路實驗室：三個線性層</translation>
    </message>
    <message>
        <source>Open the example “XOR: three linear hidden layers vs tanh” in the lab: a 2-8-8-8-2 network on noisy XOR; more linear layers do not help</source>
        <translation>在網路實驗室中開啟範例「XOR：三個線性隱藏層與 tanh」：在帶雜訊的 XOR 上訓練 2-8-8-8-2 網路；線性層再多也無濟於事</translation>
    </message>
    <message>
        <source>Why a network needs a non-linearity</source>
        <translation>為什麼網路需要非線性</translation>
    </message>
    <message>
        <source>The sigmoid and tanh need exponentials; ReLU only compares z with 0, and its slope is 0 or 1.</source>
        <translation>sigmoid 與 tanh 需要計算指數；ReLU 只要把 z 與 0 比較，其斜率不是 0 就是 1。</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>測量</translation>
    </message>
    <message>
        <source>Time each function and its slope on %1 values on this computer (the best of %2 runs)</source>
        <translation>在這台電腦上測量每個函數及其斜率處理 %1 個值所需的時間（取 %2 次測量中最快的一次）</translation>
    </message>
    <message>
        <source>Why ReLU is cheap and sparse</source>
        <translation>為什麼 ReLU 計算成本低、輸出稀疏</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在測量…</translation>
    </message>
    <message>
        <source>Not measured yet.</source>
        <translation>尚未測量。</translation>
    </message>
    <message>
        <source>Milliseconds for %1 values on this computer, the best of %2 runs (beside the bars: how many times ReLU&apos;s time):</source>
        <translation>在這台電腦上處理 %1 個值所需的毫秒數，取 %2 次測量中最快的一次（長條旁的數字：是 ReLU 所需時間的幾倍）：</translation>
    </message>
    <message>
        <source>Sparse: ReLU&apos;s output is exactly 0 for every z &lt; 0 (here %1 of the values), so only some units of a layer are on, and an off unit passes no gradient back. In the lab, see how many hidden units sit at zero.</source>
        <extracomment>Rounds of layout requests delivered: a layout settled may ask its children&apos;s again.</extracomment>
        <translation>稀疏：ReLU 在所有 z &lt; 0 處輸出恰好為 0（此處佔全部值的 %1），所以一層中只有部分單元處於啟動狀態，而未啟動的單元不會往回傳遞任何梯度。在網路實驗室中可以看到有多少隱藏單元的輸出為零。</translation>
    </message>
</context>
<context>
    <name>ActivationsPage</name>
    <message>
        <source>the five functions</source>
        <translation>五種函數</translation>
    </message>
    <message>
        <source>their slopes and saturation</source>
        <translation>斜率與飽和區</translation>
    </message>
    <message>
        <source>depth: (1/4)ⁿ</source>
        <translation>深度：(1/4)ⁿ</translation>
    </message>
    <message>
        <source>why a non-linearity</source>
        <translation>為什麼需要非線性</translation>
    </message>
    <message>
        <source>why ReLU is cheap</source>
        <translation>為什麼 ReLU 計算成本低</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>激勵函數</translation>
    </message>
    <message>
        <source>z = %1 · slopes: sigmoid %2, tanh %3, ReLU %4</source>
        <translation>z = %1 · 斜率：sigmoid %2，tanh %3，ReLU %4</translation>
    </message>
    <message>
        <source>z = %1</source>
        <translation>z = %1</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>步驟 %1 / %2</translation>
    </message>
</context>
<context>
    <name>ActivationsPanel</name>
    <message>
        <source>Activation functions</source>
        <translation>激勵函數</translation>
    </message>
    <message>
        <source>Five steps: the functions, their slopes (saturated where the slope is below %1), what depth does to a gradient, why a network needs a non-linearity, and what each function costs.

Tick the functions to draw under the plots, and mark a z with the slider or by typing it. → and ← walk through the steps; while the slider has the focus they move it (Esc gives them back).</source>
        <translation>共五個步驟：各個函數、它們的斜率（斜率小於 %1 處為飽和區）、深度對梯度的影響、為什麼網路需要非線性，以及每個函數的計算成本。

勾選要畫在圖中的函數，用滑桿或直接輸入來標記一個 z。→ 與 ← 鍵逐步瀏覽；滑桿取得焦點時，這兩個鍵改為移動滑桿（按 Esc 鍵交還）。</translation>
    </message>
</context>
<context>
    <name>BackpropFormulas</name>
    <message>
        <source>Formulas</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>步驟 %1：%2</translation>
    </message>
</context>
<context>
    <name>BackpropPage</name>
    <message>
        <source>Network and sample</source>
        <translation>網路與樣本</translation>
    </message>
    <message>
        <source>Random start</source>
        <translation>隨機起點</translation>
    </message>
    <message>
        <source>Weights and biases drawn from the panel&apos;s seed</source>
        <translation>以面板上的隨機種子抽取權重與偏置</translation>
    </message>
    <message>
        <source>ℒ = %1, after one update ℒ′ = %2</source>
        <translation>ℒ = %1，更新一次後 ℒ′ = %2</translation>
    </message>
    <message>
        <source>ℒ = %1, after one update ℒ′ = %2 (η = %3) · largest |gradient − finite difference| = %4</source>
        <translation>ℒ = %1，更新一次後 ℒ′ = %2（η = %3）· |梯度 − 有限差分| 最大為 %4</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>步驟 %1 / %2</translation>
    </message>
    <message>
        <source>no biases</source>
        <translation>無偏置</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>權重</translation>
    </message>
</context>
<context>
    <name>BackpropPanel</name>
    <message>
        <source>The sample</source>
        <translation>樣本</translation>
    </message>
    <message>
        <source>An input of the sample, from −100 to 100.</source>
        <translation>樣本的一個輸入，介於 −100 到 100。</translation>
    </message>
    <message>
        <source>The sample&apos;s class: its target is 1 at that output and 0 at the others.</source>
        <translation>樣本的類別：其目標值在該輸出為 1，在其他輸出為 0。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>The learning rate η of the update, more than 0 and at most 10.</source>
        <translation>這次更新的學習率 η，大於 0 且不大於 10。</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>學習率 η</translation>
    </message>
    <message>
        <source>The network</source>
        <translation>網路</translation>
    </message>
    <message>
        <source>Biases b1 … b5</source>
        <translation>偏置 b1 … b5</translation>
    </message>
    <message>
        <source>Leave them out, as the note&apos;s figure does: they are then 0 and are not trained.</source>
        <translation>取消勾選即不使用偏置，和講義中的圖一樣：此時偏置為 0，且不參與訓練。</translation>
    </message>
    <message>
        <source>The seed of a random start: the same seed, the same weights.</source>
        <translation>隨機起點的種子：種子相同，權重就相同。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>隨機種子</translation>
    </message>
    <message>
        <source>Random start</source>
        <translation>隨機起點</translation>
    </message>
    <message>
        <source>Weights and biases drawn from the seed, rounded to two decimals</source>
        <translation>以隨機種子抽取權重與偏置，四捨五入到小數點後兩位</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重設</translation>
    </message>
    <message>
        <source>The lesson&apos;s weights, sample and η again (R)</source>
        <translation>恢復本課的權重、樣本與 η（R）</translation>
    </message>
    <message>
        <source>Click a weight, a bias or an input in the diagram to type a new value.</source>
        <translation>在網路圖上點一下權重、偏置或輸入，即可輸入新的值。</translation>
    </message>
    <message>
        <source>Train on</source>
        <translation>繼續訓練</translation>
    </message>
    <message>
        <source>What the loss is plotted against: on epochs SGD looks fastest, on updates or samples it is many cheap, noisy steps.</source>
        <translation>損失曲線的橫軸：以訓練週期來看，SGD 似乎最快；以參數更新次數或已處理樣本數來看，它走的是許多成本低但帶雜訊的步伐。</translation>
    </message>
    <message>
        <source>x axis</source>
        <translation>橫軸</translation>
    </message>
    <message>
        <source>Samples in each step of mini-batch descent</source>
        <translation>小批次梯度下降中每一步使用的樣本數</translation>
    </message>
    <message>
        <source>Mini-batch size</source>
        <translation>小批次大小</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>學習率</translation>
    </message>
</context>
<context>
    <name>BackpropSteps</name>
    <message>
        <source>the network, the sample and the loss</source>
        <translation>網路、樣本與損失</translation>
    </message>
    <message>
        <source>forward: hidden unit h1</source>
        <translation>前向傳播：隱藏單元 h1</translation>
    </message>
    <message>
        <source>forward: hidden unit h2</source>
        <translation>前向傳播：隱藏單元 h2</translation>
    </message>
    <message>
        <source>forward: output o1</source>
        <translation>前向傳播：輸出單元 o1</translation>
    </message>
    <message>
        <source>forward: output o2</source>
        <translation>前向傳播：輸出單元 o2</translation>
    </message>
    <message>
        <source>forward: output o3</source>
        <translation>前向傳播：輸出單元 o3</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>each output&apos;s error δ</source>
        <translation>各輸出單元的誤差 δ</translation>
    </message>
    <message>
        <source>∂ℒ/∂w7 by the chain rule</source>
        <translation>用連鎖律求 ∂ℒ/∂w7</translation>
    </message>
    <message>
        <source>∂ℒ/∂w8 … ∂ℒ/∂w12</source>
        <translation>∂ℒ/∂w8 … ∂ℒ/∂w12</translation>
    </message>
    <message>
        <source>each hidden unit&apos;s error δ</source>
        <translation>各隱藏單元的誤差 δ</translation>
    </message>
    <message>
        <source>∂ℒ/∂w1 … ∂ℒ/∂w6</source>
        <translation>∂ℒ/∂w1 … ∂ℒ/∂w6</translation>
    </message>
    <message>
        <source>the update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>the loss after the update</source>
        <translation>更新後的損失</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>the sample</source>
        <translation>樣本</translation>
    </message>
    <message>
        <source>The numbering: w1, w2, w3 carry x1, x2, x3 into the hidden unit h1, and w4, w5, w6 into h2; w7, w8 carry h1, h2 into the output o1, w9, w10 into o2 and w11, w12 into o3.</source>
        <translation>編號：w1、w2、w3 把 x1、x2、x3 送進隱藏單元 h1，w4、w5、w6 把它們送進 h2；w7、w8 把 h1、h2 送進輸出單元 o1，w9、w10 送進 o2，w11、w12 送進 o3。</translation>
    </message>
    <message>
        <source>b1, b2 are the hidden units&apos; biases and b3, b4, b5 the outputs&apos;.</source>
        <translation>b1、b2 是隱藏單元的偏置，b3、b4、b5 是輸出單元的偏置。</translation>
    </message>
    <message>
        <source>The biases are left out, as in the note&apos;s figure: they are 0 and are not trained.</source>
        <translation>和講義中的圖一樣不用偏置：偏置為 0，且不參與訓練。</translation>
    </message>
    <message>
        <source>A 3-2-3 network of sigmoid neurons and one sample (x1, x2, x3) with its one-hot target (y1, y2, y3). Each neuron adds up what comes in, weighted, and passes the sum through the sigmoid. The loss is half the squared error of the three outputs:</source>
        <translation>一個由 sigmoid 神經元組成的 3-2-3 網路，以及一個樣本 (x1, x2, x3) 和它的獨熱目標值 (y1, y2, y3)。每個神經元把輸入加權加總，再把總和送進 sigmoid 函數。損失是三個輸出的平方誤差總和的一半：</translation>
    </message>
    <message>
        <source>Click a weight or an input in the diagram to type a new value; → walks through the forward pass, the errors and the update.</source>
        <translation>在網路圖上點一下權重或輸入，即可輸入新的值；按 → 鍵依序瀏覽前向傳播、誤差與更新。</translation>
    </message>
    <message>
        <source>The hidden unit %1 weighs the three inputs, adds them up and squashes the sum with the sigmoid:</source>
        <translation>隱藏單元 %1 對三個輸入加權、加總，再用 sigmoid 函數壓縮這個總和：</translation>
    </message>
    <message>
        <source>The output %1 does the same with the hidden units&apos; outputs; its a is the network&apos;s prediction ŷ%2:</source>
        <translation>輸出單元 %1 對隱藏單元的輸出做同樣的計算；它的 a 就是網路的預測值 ŷ%2：</translation>
    </message>
    <message>
        <source>The prediction against the target: half the sum of the squared errors.</source>
        <translation>預測值與目標值相比：平方誤差總和的一半。</translation>
    </message>
    <message>
        <source>Backpropagation now runs from here to the inputs: how much does each weight change ℒ?</source>
        <translation>反向傳播從這裡開始，一路走到輸入：每個權重會讓 ℒ 改變多少？</translation>
    </message>
    <message>
        <source>The error δ of an output is how fast ℒ changes with its z: the error of its prediction times the slope of the sigmoid there.</source>
        <translation>輸出單元的誤差 δ 是 ℒ 隨其 z 變化的快慢：預測值的誤差乘以 sigmoid 在該處的斜率。</translation>
    </message>
    <message>
        <source>w7 reaches ℒ only through z of o1, and z of o1 through ŷ1. The chain rule multiplies the three links:</source>
        <translation>w7 只透過 o1 的 z 影響 ℒ，而 o1 的 z 又只透過 ŷ1 影響 ℒ。連鎖律把這三個環節相乘：</translation>
    </message>
    <message>
        <source>Check by finite differences: nudge w7 up and down by h and see how ℒ moves (the D under it).</source>
        <translation>用有限差分驗證：把 w7 分別加上和減去 h，看 ℒ 如何變化（下方的 D）。</translation>
    </message>
    <message>
        <source>Both agree to six digits: backpropagation gets the slope exactly, with one pass back instead of two passes forward for every weight.</source>
        <translation>兩者在六位有效數字上一致：反向傳播精確地求出了斜率，而且只需要一次反向計算，不必為每個權重各做兩次前向計算。</translation>
    </message>
    <message>
        <source>Every weight into an output: the output&apos;s δ times the hidden unit&apos;s output that the weight carries (a bias carries 1). D beside or under each is its finite-difference estimate.</source>
        <translation>每個進入輸出單元的權重：該輸出單元的 δ 乘以這個權重所傳遞的隱藏單元輸出（偏置傳遞的是 1）。每項旁邊或下方的 D 是它的有限差分估計值。</translation>
    </message>
    <message>
        <source>A hidden unit reaches ℒ through all three outputs. By the chain rule its δ is the sum, over the outputs, of each output&apos;s δ times the weight between them, times the slope of its own sigmoid:</source>
        <translation>隱藏單元透過全部三個輸出單元影響 ℒ。由連鎖律，它的 δ 等於：對各輸出單元加總，每項為該輸出單元的 δ 乘以兩者之間的權重，再乘以它本身 sigmoid 的斜率：</translation>
    </message>
    <message>
        <source>The errors flow back along the same weights that carried the signal forward.</source>
        <translation>誤差沿著當初向前傳遞訊號的同一組權重反向流回。</translation>
    </message>
    <message>
        <source>Every weight into a hidden unit: the unit&apos;s δ times the input the weight carries, with its finite-difference estimate D beside or under it.</source>
        <translation>每個進入隱藏單元的權重：該單元的 δ 乘以這個權重所傳遞的輸入，旁邊或下方的 D 是它的有限差分估計值。</translation>
    </message>
    <message>
        <source>Gradient descent: every weight takes a step against its gradient, η times as long.</source>
        <translation>梯度下降：每個權重都往梯度的反方向走一步，步長是梯度的 η 倍。</translation>
    </message>
    <message>
        <source>The biases are left out: they stay 0.</source>
        <translation>沒有偏置：偏置維持為 0。</translation>
    </message>
    <message>
        <source>The same sample through the updated network: the prediction moves towards the target and the loss is lower.</source>
        <translation>同一個樣本通過更新後的網路：預測值往目標值靠近，損失變小了。</translation>
    </message>
    <message>
        <source>To first order the change is −η times the sum of the squared gradients:</source>
        <translation>在一階近似下，變化量是 −η 乘以各梯度平方的總和：</translation>
    </message>
    <message>
        <source>Repeat for every sample, many times: that is training. The tab “Train on” does it for the lesson&apos;s 21 samples in three ways.</source>
        <translation>對每個樣本重複這個過程，重複很多遍：這就是訓練。分頁「繼續訓練」以三種方式對本課的 21 個樣本這樣做。</translation>
    </message>
</context>
<context>
    <name>BreakdownView</name>
    <message>
        <source>Gradient breakdown</source>
        <extracomment>The lesson&apos;s views in the order of the File › Export menu. Below this, σ′(z) is highlighted: the quadratic cost&apos;s step is under a tenth of the error. From roomy to compact: (text size relative to the theme&apos;s, cell padding in pixels). The view takes the first that shows everything without scrolling in its cell (a dashboard cell at 1024 × 768 is about 300 × 250 px), never smaller than MIN_POINT_SIZE. The formulas (left column, and in the ∂C/∂b cells) relative to the numbers.</extracomment>
        <translation>梯度分解</translation>
    </message>
    <message>
        <source>Epoch %1 of %2</source>
        <translation>訓練週期 %1 / %2</translation>
    </message>
    <message>
        <source>x = %1, y = %2</source>
        <translation>x = %1, y = %2</translation>
    </message>
    <message>
        <source>σ′(z) is small: the quadratic cost learns slowly here; cross-entropy has no σ′(z) factor.</source>
        <translation>σ′(z) 很小：二次代價函數在這裡學得很慢；交叉熵代價函數沒有 σ′(z) 這個因子。</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起點</translation>
    </message>
</context>
<context>
    <name>ClassKey</name>
    <message>
        <source>training</source>
        <translation>訓練集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>測試集</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>No runs to show.</source>
        <extracomment>Correct predictions (the diagonal) are shades of grey and confusions of wine (Paul Tol&apos;s muted scheme), so the mistakes stand out without reading a number, for colour-blind viewers as well; neither is a run&apos;s colour (blue and vermillion mean runs in the lab). A cell with any count at all is at least this strongly tinted: one confusion in 300 must not look like none. Above this relative luminance a cell gets dark text, below it white text. Counts are written at this share of the theme&apos;s font, shrunk to fit their cell, and left out once they would have to shrink below MIN_COUNT_SCALE of it (or below MIN_COUNT_POINTS): shading without numbers reads better than numbers nobody can read. Cells grow with the view up to this many lines of label text: a 3 × 3 matrix filling a whole screen is mostly empty colour. An empty cell&apos;s shade (no count: no tint). Shades kept per view (see _CellShades) before they are computed afresh. the predicted classes&apos; names stand upright under the matrix: wider than a cell, they would be cut (&quot;vers…&quot;) or run into each other</extracomment>
        <translation>沒有可顯示的執行。</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩陣</translation>
    </message>
    <message>
        <source>no network yet</source>
        <translation>尚無網路</translation>
    </message>
    <message>
        <source>diverged: its parameters are not numbers</source>
        <translation>已發散：參數已不是有效數值</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已發散</translation>
    </message>
    <message>
        <source>test set: %1 % correct (%2 of %3)</source>
        <translation>測試集：準確率 %1 %（%3 筆中的 %2 筆）</translation>
    </message>
    <message>
        <source>test set: %1 % correct</source>
        <translation>測試集：準確率 %1 %</translation>
    </message>
    <message>
        <source>training set (there is no test set): %1 % correct (%2 of %3)</source>
        <translation>訓練集（沒有測試集）：準確率 %1 %（%3 筆中的 %2 筆）</translation>
    </message>
    <message>
        <source>training set: %1 % correct</source>
        <translation>訓練集：準確率 %1 %</translation>
    </message>
    <message>
        <source>%1 % correct</source>
        <translation>準確率 %1 %</translation>
    </message>
    <message>
        <source>No data to show.</source>
        <translation>沒有可顯示的資料。</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>預測類別</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真實類別</translation>
    </message>
    <message>
        <source>%1: %2 of the %3 samples of class %4 predicted as %5 (%6 %)</source>
        <translation>%1：類別 %4 的 %3 個樣本中，有 %2 個被預測為 %5（%6 %）</translation>
    </message>
    <message>
        <source>A confusion matrix counts classes: not for regression, whose answers are numbers.</source>
        <translation>混淆矩陣統計的是類別：不適用於迴歸，迴歸的答案是數值。</translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <source>Show:</source>
        <translation>顯示：</translation>
    </message>
    <message>
        <source>Draw this function in the plots</source>
        <translation>在圖中畫出這個函數</translation>
    </message>
    <message>
        <source>Mark z =</source>
        <translation>標記 z =</translation>
    </message>
    <message>
        <source>Type the z to mark on every curve</source>
        <translation>輸入要在每條曲線上標記的 z</translation>
    </message>
    <message>
        <source>Move the z marked on every curve (← and → while it has the focus; Esc gives the arrows back to the steps)</source>
        <translation>移動每條曲線上標記的 z（滑桿取得焦點時用 ← 與 → 鍵；按 Esc 鍵把方向鍵交還給步驟瀏覽）</translation>
    </message>
</context>
<context>
    <name>CostPlot</name>
    <message>
        <source>Cost</source>
        <translation>代價</translation>
    </message>
    <message>
        <source>cost C</source>
        <translation>代價 C</translation>
    </message>
</context>
<context>
    <name>CourseWindow</name>
    <message>
        <source>Cannot open experiment</source>
        <translation>無法開啟實驗</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>nnlab — %1</source>
        <translation>nnlab — %1</translation>
    </message>
    <message>
        <source>“%1” paused: only the lesson on show trains</source>
        <translation>「%1」已暫停：只有目前顯示的課程會進行訓練</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>開啟實驗</translation>
    </message>
    <message>
        <source>Experiments (*.toml)</source>
        <translation>實驗檔 (*.toml)</translation>
    </message>
    <message>
        <source>%1: no lesson of nnlab opens experiments of kind “%2”</source>
        <translation>%1：nnlab 沒有任何課程能開啟「%2」類型的實驗</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>儲存實驗</translation>
    </message>
    <message>
        <source>Cannot save experiment</source>
        <translation>無法儲存實驗</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <source>“%1” takes no data files: drop them on the network lab</source>
        <translation>「%1」不接受資料檔：請將資料檔拖放到網路實驗室</translation>
    </message>
    <message>
        <source>About nnlab</source>
        <translation>關於 nnlab</translation>
    </message>
    <message>
        <source>nnlab %1</source>
        <translation>nnlab %1</translation>
    </message>
    <message>
        <source>A desktop course in how neural networks learn: why a sigmoid neuron that starts badly wrong learns slowly with the quadratic cost and fast with the cross-entropy cost, and the lessons around it:</source>
        <translation>一門講解神經網路如何學習的桌面課程：為什麼一個起初錯得離譜的 sigmoid 神經元，用二次代價函數學得很慢，改用交叉熵代價函數卻學得很快；以及圍繞這個主題的各堂課：</translation>
    </message>
    <message>
        <source>The translations of %1 are missing: the interface stays in English</source>
        <translation>缺少%1的翻譯：介面維持英文</translation>
    </message>
    <message>
        <source>Run</source>
        <extracomment>QSettings keys: the window&apos;s size and place, and the lesson last shown</extracomment>
        <translation>執行</translation>
    </message>
    <message>
        <source>Run or pause every run (Space)</source>
        <translation>執行或暫停所有訓練（Space）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>單步</translation>
    </message>
    <message>
        <source>Train one epoch, or show the next one when the timeline is behind (Right arrow)</source>
        <translation>訓練一個訓練週期；若時間軸落後，則顯示下一個訓練週期（→ 鍵）</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Show the epoch before (Left arrow)</source>
        <translation>顯示前一個訓練週期（← 鍵）</translation>
    </message>
    <message>
        <source>First epoch</source>
        <translation>第一個訓練週期</translation>
    </message>
    <message>
        <source>Show epoch 0, the start (Home)</source>
        <translation>顯示第 0 個訓練週期，也就是起點（Home）</translation>
    </message>
    <message>
        <source>Last epoch</source>
        <translation>最新訓練週期</translation>
    </message>
    <message>
        <source>Show the newest epoch and follow it (End)</source>
        <translation>顯示最新的訓練週期並持續跟隨（End）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重設</translation>
    </message>
    <message>
        <source>Back to the start (R)</source>
        <translation>回到起點（R）</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>減速</translation>
    </message>
    <message>
        <source>Train at half the speed (−)</source>
        <translation>以一半的速度訓練（−）</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Train at twice the speed (+)</source>
        <translation>以兩倍的速度訓練（+）</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全螢幕</translation>
    </message>
    <message>
        <source>Fill the screen (F11)</source>
        <translation>填滿整個螢幕（F11）</translation>
    </message>
    <message>
        <source>Projector mode</source>
        <translation>投影模式</translation>
    </message>
    <message>
        <source>Full screen, large fonts, thick lines, high contrast (F5)</source>
        <translation>全螢幕、大字型、粗線條、高對比（F5）</translation>
    </message>
    <message>
        <source>&amp;Open experiment…</source>
        <translation>開啟實驗(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an experiment file in the lesson it belongs to (Ctrl+O)</source>
        <translation>在實驗檔案所屬的課程中開啟它（Ctrl+O）</translation>
    </message>
    <message>
        <source>&amp;Save experiment as…</source>
        <translation>將實驗另存新檔(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the settings of the lesson on show (Ctrl+S)</source>
        <translation>儲存目前顯示之課程的設定（Ctrl+S）</translation>
    </message>
    <message>
        <source>Export &amp;window…</source>
        <translation>匯出視窗(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Copy window to clipboard</source>
        <translation>複製視窗到剪貼簿(&amp;C)</translation>
    </message>
    <message>
        <source>Add a caption with the settings</source>
        <translation>加上列出設定的圖說</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>Close nnlab (Ctrl+Q)</source>
        <translation>關閉 nnlab（Ctrl+Q）</translation>
    </message>
    <message>
        <source>&amp;About nnlab</source>
        <translation>關於 nnlab(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Previous lesson</source>
        <translation>上一課(&amp;P)</translation>
    </message>
    <message>
        <source>Show the lesson before (Ctrl+PgUp)</source>
        <translation>顯示上一課（Ctrl+PgUp）</translation>
    </message>
    <message>
        <source>&amp;Next lesson</source>
        <translation>下一課(&amp;N)</translation>
    </message>
    <message>
        <source>Show the next lesson (Ctrl+PgDown)</source>
        <translation>顯示下一課（Ctrl+PgDown）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>執行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>課程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Settings panel</source>
        <translation>設定面板</translation>
    </message>
    <message>
        <source>Lesson list</source>
        <translation>課程清單</translation>
    </message>
    <message>
        <source>Show or hide the list of lessons (F9)</source>
        <translation>顯示或隱藏課程清單（F9）</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>課程</translation>
    </message>
    <message>
        <source>No Chinese font is installed: install one (Debian: fonts-noto-cjk) to read %1</source>
        <translation>未安裝中文字型：請安裝中文字型（Debian：fonts-noto-cjk）以閱讀%1</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Learning</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates</extracomment>
        <translation>學習</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>網路</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Network lab</source>
        <translation>網路實驗室</translation>
    </message>
    <message>
        <source>Gradient and surface</source>
        <translation>梯度與代價曲面</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>課程</translation>
    </message>
    <message>
        <source>Derivation</source>
        <translation>推導</translation>
    </message>
    <message>
        <source>Table and curves</source>
        <translation>表格與曲線</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲線</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>定義</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>反向傳播</translation>
    </message>
    <message>
        <source>Train on</source>
        <translation>繼續訓練</translation>
    </message>
</context>
<context>
    <name>DecisionRegionsView</name>
    <message>
        <source>class %1</source>
        <extracomment>Grid points along each side of the (square) data window. 96² predictions of a small network take about a millisecond. Room round the data, as a share of their larger extent, on every side. While training, at most this many grids are evaluated per frame (the runs whose picture is oldest first); the others follow on the next frames. A frame&apos;s work then stays small however many runs there are and however big their networks. Classes kept per view, for every (run, epoch, parameters, grid) evaluated. Paul Tol&apos;s pale scheme for the regions (light enough for any marker to show on any of them) and his muted scheme for the markers: neither is the saturated Okabe–Ito set the runs are drawn in. The shape tells the classes apart without colour. How much of a class&apos;s pale tint a region has (the rest white). Full on a projector, which washes light colours out. Where a network&apos;s outputs are not finite (a diverged run&apos;s parameters) no class is predicted: a neutral grey, not the first class&apos;s colour that argmax of NaN would give. Plots show their axes only where the regions then stay at least this many text lines high and wide: four small plots on a projector&apos;s quarter page show the regions alone. Views wider than this many times their height show the class key beside the plots, not under them. Pixels the title&apos;s label item needs beside its text. The runs&apos; titles relative to the theme&apos;s font (as the other views&apos; labels). The plots are laid out so that every title fits whole, unless that makes them smaller than this share of the side they could have; only then are titles shortened (in the middle: &quot;η = 0.01&quot; and &quot;η = 0.1&quot; differ at their end). Markers are sized so that the data&apos;s markers would cover about this share of the plot (were they spread over it evenly): hundreds of points must not bury the regions ... ... but never smaller than this many pixels (the regions are the point of the picture, on a projector too), nor larger than this share of the theme&apos;s marker size.</extracomment>
        <translation>類別 %1</translation>
    </message>
    <message>
        <source>Show data points</source>
        <translation>顯示資料點</translation>
    </message>
    <message>
        <source>Hide the points to see the regions whole</source>
        <translation>隱藏資料點，以看到完整的區域</translation>
    </message>
    <message>
        <source>No data to show yet.</source>
        <translation>還沒有可顯示的資料。</translation>
    </message>
    <message>
        <source>Decision regions</source>
        <translation>決策區域</translation>
    </message>
    <message>
        <source>Decision regions need data with two inputs</source>
        <translation>決策區域需要有兩個輸入的資料</translation>
    </message>
    <message>
        <source>No runs to show.</source>
        <translation>沒有可顯示的執行。</translation>
    </message>
    <message>
        <source>x₁</source>
        <translation>x₁</translation>
    </message>
    <message>
        <source>x₂</source>
        <translation>x₂</translation>
    </message>
    <message>
        <source>%1 (diverged)</source>
        <translation>%1（已發散）</translation>
    </message>
    <message>
        <source>Decision regions are for classes: not for regression, whose answers are numbers</source>
        <translation>決策區域是針對類別的：不適用於迴歸，迴歸的答案是數值</translation>
    </message>
</context>
<context>
    <name>DefinitionsView</name>
    <message>
        <source>Definitions</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates The worked values of formula (1): one sigmoid output p for each label y.</extracomment>
        <translation>定義</translation>
    </message>
    <message>
        <source>N samples i, M classes c; y: the one-hot target, c its true class; ŷ: the model&apos;s probabilities, ĉ the class of the largest; p: ŷ of the true class.</source>
        <translation>N 個樣本 i，M 個類別 c；y：獨熱目標值，c 為其真實類別；ŷ：模型給出的機率，ĉ 為機率最大的類別；p：真實類別的 ŷ。</translation>
    </message>
    <message>
        <source>Classification error</source>
        <translation>分類錯誤率</translation>
    </message>
    <message>
        <source>Wrong samples over all samples: how wrong a wrong sample is does not count.</source>
        <translation>分類錯誤的樣本數除以全部樣本數：錯得多離譜並不列入計算。</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>均方誤差</translation>
    </message>
    <message>
        <source>Each sample&apos;s squares summed over the classes, then averaged over the samples (note 002).</source>
        <translation>每個樣本的平方差先對各類別加總，再對所有樣本取平均（講義 002）。</translation>
    </message>
    <message>
        <source>Natural log, as note 002 (2). Only the true class&apos;s term is left: −ln p.</source>
        <translation>取自然對數，同講義 002 的式 (2)。只剩下真實類別那一項：−ln p。</translation>
    </message>
    <message>
        <source>log₂, as note 001 writes it (H = −y log₂ ŷ): every value is the natural one divided by ln 2 ≈ 0.693.</source>
        <translation>以 2 為底的對數，同講義 001 的寫法（H = −y log₂ ŷ）：每個值都等於自然對數下的值除以 ln 2 ≈ 0.693。</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Binary cross-entropy, note 002 (1)</source>
        <translation>二元分類交叉熵，講義 002 的式 (1)</translation>
    </message>
    <message>
        <source>One sigmoid output p, the probability of the positive class (y = 1); above, one sample at p = %1.</source>
        <translation>單一 sigmoid 輸出 p，也就是正類（y = 1）的機率；上方是 p = %1 時單一樣本的算例。</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>softmax 函數</translation>
    </message>
    <message>
        <source>Makes probabilities of a sample&apos;s logits z: each between 0 and 1, together 1.</source>
        <translation>把一個樣本的對數勝算 z 轉換成機率：每個都介於 0 與 1 之間，總和為 1。</translation>
    </message>
</context>
<context>
    <name>DepthView</name>
    <message>
        <source>depth n (layers)</source>
        <translation>深度 n（層數）</translation>
    </message>
    <message>
        <source>largest product of n slopes</source>
        <translation>n 個斜率乘積的最大值</translation>
    </message>
    <message>
        <source>A gradient through n layers: at most (max f′)ⁿ</source>
        <translation>穿過 n 層的梯度：最多為 (max f′)ⁿ</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>DerivationPage</name>
    <message>
        <source>Start</source>
        <translation>起點</translation>
    </message>
    <message>
        <source>Start %1: z = %2, a = %3, σ′(z) = %4</source>
        <translation>起點 %1：z = %2, a = %3, σ′(z) = %4</translation>
    </message>
    <message>
        <source>start %1</source>
        <translation>起點 %1</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>步驟 %1 / %2</translation>
    </message>
</context>
<context>
    <name>DerivationPanel</name>
    <message>
        <source>w = 0.6, b = 0.9 (a = 0.82)</source>
        <translation>w = 0.6, b = 0.9 (a = 0.82)</translation>
    </message>
    <message>
        <source>w = 2, b = 2 (a = 0.98)</source>
        <translation>w = 2, b = 2 (a = 0.98)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自訂</translation>
    </message>
    <message>
        <source>The two classic starts, for x = 1 and y = 0: a mild one and a saturated one.</source>
        <translation>兩個經典起點（x = 1, y = 0）：一個溫和，一個飽和。</translation>
    </message>
    <message>
        <source>The weight w at the start.</source>
        <translation>起點的權重 w。</translation>
    </message>
    <message>
        <source>The bias b at the start.</source>
        <translation>起點的偏置 b。</translation>
    </message>
    <message>
        <source>The input x of the one sample.</source>
        <translation>唯一那個樣本的輸入 x。</translation>
    </message>
    <message>
        <source>The target y of the one sample, from 0 to 1.</source>
        <translation>唯一那個樣本的目標值 y，介於 0 到 1。</translation>
    </message>
    <message>
        <source>Weight w</source>
        <translation>權重 w</translation>
    </message>
    <message>
        <source>Bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>輸入 x</translation>
    </message>
    <message>
        <source>Target y</source>
        <translation>目標值 y</translation>
    </message>
    <message>
        <source>One neuron, one sample</source>
        <translation>單一神經元，單一樣本</translation>
    </message>
    <message>
        <source>Classic start</source>
        <translation>經典起點</translation>
    </message>
    <message>
        <source>Every formula of the walkthrough shows this start&apos;s numbers.</source>
        <translation>推導中的每個公式都代入這個起點的數值。</translation>
    </message>
</context>
<context>
    <name>DerivationSteps</name>
    <message>
        <source>the quadratic cost and its gradients</source>
        <translation>二次代價函數及其梯度</translation>
    </message>
    <message>
        <source>the slope of the sigmoid, σ′(z)</source>
        <translation>sigmoid 函數的斜率 σ′(z)</translation>
    </message>
    <message>
        <source>the wish: a gradient proportional to the error</source>
        <translation>期望：梯度與誤差成正比</translation>
    </message>
    <message>
        <source>the chain rule</source>
        <translation>連鎖律</translation>
    </message>
    <message>
        <source>integrating over a</source>
        <translation>對 a 積分</translation>
    </message>
    <message>
        <source>why it is a cost</source>
        <translation>為什麼它是代價函數</translation>
    </message>
    <message>
        <source>the payoff: σ′(z) cancels</source>
        <translation>成果：σ′(z) 被消去</translation>
    </message>
    <message>
        <source>At this start:</source>
        <translation>在這個起點：</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>One sigmoid neuron and one sample (x, y): z = w·x + b and a = σ(z). The quadratic cost and, by the chain rule, its gradients:</source>
        <translation>一個 sigmoid 神經元和一個樣本 (x, y)：z = w·x + b，a = σ(z)。二次代價函數，以及用連鎖律求出的梯度：</translation>
    </message>
    <message>
        <source>At this start, w = %1, b = %2, x = %3, y = %4:</source>
        <translation>在這個起點，w = %1, b = %2, x = %3, y = %4：</translation>
    </message>
    <message>
        <source>Both gradients carry the factor σ′(z), here %1: of the error a − y = %2, only %3 reaches b.</source>
        <translation>兩個梯度都帶有因子 σ′(z)，這裡是 %1：誤差 a − y = %2 之中，只有 %3 傳到 b。</translation>
    </message>
    <message>
        <source>At the two classic starts (x = 1, y = 0):</source>
        <translation>在兩個經典起點（x = 1, y = 0）：</translation>
    </message>
    <message>
        <source>this start</source>
        <translation>這個起點</translation>
    </message>
    <message>
        <source>Where the sigmoid is flat, σ′(z) is small: at z = %1 it is %2 times smaller than at z = %3. Lecture note 003 prints σ′ = 0.1539 and 0.0196, from a rounded to 0.81 and 0.98, and its second line slips to 0.1539 again; the values here are computed.</source>
        <translation>在 sigmoid 曲線平坦的地方，σ′(z) 很小：z = %3 處的 σ′(z) 是 z = %1 處的 %2 倍。講義 003 列出的 σ′ = 0.1539 與 0.0196，是用四捨五入到 0.81 與 0.98 的 a 算出的，而且它的第二行又誤寫成 0.1539；這裡的數值都是實際計算的結果。</translation>
    </message>
    <message>
        <source>The factor σ′(z) is the slope of the sigmoid. It is written with the sigmoid itself, and it is never more than 1/4:</source>
        <translation>因子 σ′(z) 就是 sigmoid 函數的斜率。它可以用 sigmoid 函數本身表示，而且永遠不會超過 1/4：</translation>
    </message>
    <message>
        <source>A neuron that is badly wrong should learn fast. So we wish for a cost whose gradients are the error a − y itself, without σ′(z):</source>
        <translation>錯得離譜的神經元應該學得快。所以我們希望有一個代價函數，它的梯度就是誤差 a − y 本身，不帶 σ′(z)：</translation>
    </message>
    <message>
        <source>wished</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>At this start the wish is %1 times the quadratic cost&apos;s gradient: 1/σ′(z).</source>
        <translation>在這個起點，期望的梯度是二次代價函數梯度的 1/σ′(z) 倍，也就是 %1 倍。</translation>
    </message>
    <message>
        <source>The cost depends on b only through a = σ(z), and ∂z/∂b = 1. By the chain rule:</source>
        <translation>代價只透過 a = σ(z) 與 b 相關，且 ∂z/∂b = 1。由連鎖律：</translation>
    </message>
    <message>
        <source>Setting this equal to the wish a − y and solving for ∂C/∂a:</source>
        <translation>令它等於期望的 a − y，解出 ∂C/∂a：</translation>
    </message>
    <message>
        <source>Where the sigmoid is flat, σ′(z) is small, and ∂C/∂a must be large to make up for it: the cost has to rise steeply as a moves away from y.</source>
        <translation>在 sigmoid 曲線平坦的地方 σ′(z) 很小，∂C/∂a 就必須很大來彌補：a 偏離 y 時，代價必須急遽上升。</translation>
    </message>
    <message>
        <source>Split the fraction, and integrate over a (K is the constant of integration):</source>
        <translation>把分式拆開，再對 a 積分（K 為積分常數）：</translation>
    </message>
    <message>
        <source>That is one sample&apos;s cost. For n samples, the mean over the samples x:</source>
        <translation>這是單一樣本的代價。若有 n 個樣本，則對所有樣本 x 取平均：</translation>
    </message>
    <message>
        <source>This is the cross-entropy. At this start, with the constant 0:</source>
        <translation>這就是交叉熵。在這個起點，取常數為 0：</translation>
    </message>
    <message>
        <source>The constant changes no gradient; it is taken as 0. The slope of C at the start, the tangent on the plot, is the ∂C/∂a of the step before.</source>
        <translation>常數不會改變任何梯度，因此取為 0。C 在起點的斜率（圖上的切線）就是上一步的 ∂C/∂a。</translation>
    </message>
    <message>
        <source>For a target between 0 and 1, the least cost, at a = y, is not 0 but the entropy of y (the constant can take it away):</source>
        <translation>目標值介於 0 與 1 之間時，最小代價（在 a = y 處）不是 0，而是 y 的熵（積分常數可以把它抵銷）：</translation>
    </message>
    <message>
        <source>Two properties make it a cost: it is positive, and it goes to 0 as the output a approaches the target y.</source>
        <translation>兩個性質讓它成為代價函數：它是正的；輸出 a 趨近目標值 y 時，它趨近於 0。</translation>
    </message>
    <message>
        <source>The quadratic cost has both properties too: what the cross-entropy adds is the gradient of the next step.</source>
        <translation>二次代價函數也有這兩個性質：交叉熵多出來的，是下一步的梯度。</translation>
    </message>
    <message>
        <source>Differentiate the cross-entropy by the chain rule: the factor σ′(z) cancels against the a(1 − a) of ∂C/∂a.</source>
        <translation>用連鎖律對交叉熵微分：∂C/∂a 中的 a(1 − a) 與因子 σ′(z) 互相消去。</translation>
    </message>
    <message>
        <source>For n samples, the mean over the samples x:</source>
        <translation>若有 n 個樣本，則對所有樣本 x 取平均：</translation>
    </message>
    <message>
        <source>The larger the error, the faster it learns: at this start the cross-entropy&apos;s gradient is %1 times the quadratic&apos;s, 1/σ′(z).</source>
        <translation>誤差越大，學得越快：在這個起點，交叉熵的梯度是二次代價函數梯度的 1/σ′(z) 倍，也就是 %1 倍。</translation>
    </message>
    <message>
        <source>z = w·x + b</source>
        <translation>z = w·x + b</translation>
    </message>
    <message>
        <source>output a</source>
        <translation>輸出 a</translation>
    </message>
    <message>
        <source>cost C</source>
        <translation>代價 C</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The quadratic cost along z</source>
        <translation>二次代價函數隨 z 的變化</translation>
    </message>
    <message>
        <source>The sigmoid and its slope</source>
        <translation>sigmoid 函數及其斜率</translation>
    </message>
    <message>
        <source>σ(z), σ′(z)</source>
        <translation>σ(z), σ′(z)</translation>
    </message>
    <message>
        <source>The gradient we have and the one we wish for</source>
        <translation>現有的梯度與期望的梯度</translation>
    </message>
    <message>
        <source>∂C/∂b</source>
        <translation>∂C/∂b</translation>
    </message>
    <message>
        <source>The ∂C/∂a the wish needs</source>
        <translation>達成期望所需的 ∂C/∂a</translation>
    </message>
    <message>
        <source>∂C/∂a</source>
        <translation>∂C/∂a</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>所需</translation>
    </message>
    <message>
        <source>The cost whose slope is the ∂C/∂a needed</source>
        <translation>斜率等於所需 ∂C/∂a 的代價函數</translation>
    </message>
    <message>
        <source>The cross-entropy for y = 0 and y = 1</source>
        <extracomment>Qt&apos;s own shape items: they set their pens in C++, where _CosmeticScalingPainter cannot widen them (a Python subclass, like pyqtgraph&apos;s, may set them through it as well). What paints a fragment: called with a painter whose origin is the fragment&apos;s. the parts of a painter&apos;s state passed on to the SVG writer as they are: (what changed, the writer&apos;s setter, the state&apos;s getter); the clip is worked out apart, the transform last Compiled translations of nnlab&apos;s own strings: ``nnlab_&lt;language&gt;.qm``. The languages of the interface, each named in itself (the menu shows them so, in any language: a reader finds their own). QSettings key: the language chosen in View › Language Latin fonts for formulas and numbers, first found first: a CJK font&apos;s Latin and Greek letters are wide, and &quot;∂C/∂w = x·∂C/∂b&quot; wrapped onto four lines in one Chinese fonts by language, first found first (Debian: fonts-noto-cjk) The slider&apos;s steps: a hundredth of z; an arrow key moves it a tenth, Page Up/Down one. Keys the focused slider and typed value keep from the window&apos;s shortcuts. The z marked as the lesson opens: left of 0, where the five functions all differ (the sigmoid&apos;s slope 0.105, tanh&apos;s 0.071, ReLU&apos;s 0, leaky ReLU&apos;s 0.01, linear&apos;s 1). The depths n of the (max σ′)ⁿ plot. The depth marked on it: the hidden layers of the preset deep-sigmoid-vs-relu. XOR&apos;s four corners (x₁, x₂, class), and the straight cut x₁ + x₂ = XOR_CUT that a net without a non-linearity might make: it puts (1, 1) on the wrong side, as every straight cut puts at least one corner. The presets the lesson opens in the lab. a name of its own, so that pyside6-lupdate finds the texts it translates Each step&apos;s plot and notes (view keys). The notes stand beside the plot where the dashboard is at least this many times as wide as it is high and each half is at least MIN_COLUMN_EMS font sizes wide; elsewhere under it. The share of the width the notes take beside the plot (their rows of names, formulas and numbers need more than the plot), less on a dashboard at least WIDE_DASHBOARD pixels wide. the times have been measured (and are on show) a name of its own, so that pyside6-lupdate finds the texts it translates The values&apos; y range: the bounded functions whole, the unbounded ones as far as they stay near them. A tangent reaches this far in z either side of its point, or less where it is steep (at most TANGENT_Y_SHARE of the y range). The slopes&apos; plot: the curves from 0 to SLOPE_TOP, and under 0 a lane for each function, LANE_HEIGHT high (LANE_FILL of it filled where it saturates). a name of its own, so that pyside6-lupdate finds the texts it translates a name of its own, so that pyside6-lupdate finds the texts it translates A column of numbers is counted at least this many line heights wide (see NotesView._compact). Marker symbols, in the same order: a point&apos;s function without its colour. a name of its own, so that pyside6-lupdate finds the texts it translates a name of its own, so that pyside6-lupdate finds the texts it translates The plane shown, in x₁ and x₂. The half-planes reach this far beyond the plane shown. The x axes the descent plot can show the loss against. The mini-batch sizes that may be chosen (21 samples: 2 … 20 makes a batch of several). a name of its own, so that pyside6-lupdate finds the texts it translates The diagram stands beside the formulas on a dashboard at least this many times as wide as it is high, where each half is at least MIN_COLUMN_EMS font sizes wide; elsewhere above them. In projector mode, with the diagram above the formulas, the formulas&apos; share of the height (their large type needs it more than the diagram, whose labels shrink to fit). how long the last training of the three methods took, in seconds the largest seed the spin box takes a name of its own, so that pyside6-lupdate finds the texts it translates Significant digits of a gradient and its finite difference: they agree to all six. a of every unit for the same sample through the updated network (the last step) the step at which each unit&apos;s z and a are known, and its δ a name of its own, so that pyside6-lupdate finds the texts it translates The loss axis reaches this many times the highest loss: the legend sits above the curves. each method&apos;s line style (its colour: Theme.run_color of its name) a name of its own, so that pyside6-lupdate finds the texts it translates From roomy to compact: the share of the theme&apos;s size the step is set at; the first that fits without scrolling is taken. Not below 0.8 of the theme&apos;s size, nor below MIN_POINT_SIZE: smaller type cannot be read from the back of a room (a projector&apos;s large type may go down to 0.6, which is still larger than the normal theme&apos;s). whether the formulas side by side are set one under the other (a narrow place) a name of its own, so that pyside6-lupdate finds the texts it translates A unit&apos;s radius, in line heights of the label font. The shares of the span between the top and bottom rows at which the units sit. The shares along a connection a label may sit at (from the layer it leaves). The label sizes tried, largest first, until everything fits (relative to LABEL_SCALE), but none below MIN_POINT_SIZE: a projector&apos;s large type may shrink further than the normal theme&apos;s. The start the lesson opens at: the saturated one, whose slow learning it explains. a name of its own, so that pyside6-lupdate finds the texts it translates The presets of the classic starts, in the order of CLASSIC_STARTS: the neuron lesson opens them as they are (with their names), any other start as the second one changed. The formulas stand beside the plot on a dashboard at least this many times as wide as it is high, where each half is at least MIN_COLUMN_EMS font sizes wide; elsewhere (a 1024-pixel screen beside the lesson list and the panel) above it, both the whole width. each field&apos;s key in an experiment file, whose rule it checks by a name of its own, so that pyside6-lupdate finds the texts it translates The z axis of the plots over z, unless a start lies further out. The axis of the plots over the output a: (0, 1) and a little room for the ticks at its ends. Beyond this |z| the curves over z show nothing new (σ(40) = 1 − 4·10⁻¹⁸).</extracomment>
        <translation>y = 0 與 y = 1 時的交叉熵</translation>
    </message>
    <message>
        <source>How fast each cost learns</source>
        <translation>各代價函數的學習速度</translation>
    </message>
    <message>
        <source>|∂C/∂b|</source>
        <translation>|∂C/∂b|</translation>
    </message>
</context>
<context>
    <name>DescentPlot</name>
    <message>
        <source>epochs</source>
        <translation>訓練週期</translation>
    </message>
    <message>
        <source>parameter updates</source>
        <translation>參數更新次數</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>已處理樣本數</translation>
    </message>
    <message>
        <source>%1 (all samples)</source>
        <translation>%1（全部樣本）</translation>
    </message>
    <message>
        <source>%1 (batches of %2)</source>
        <translation>%1（每批次 %2 個樣本）</translation>
    </message>
    <message>
        <source>Batch, stochastic and mini-batch descent</source>
        <translation>批次、隨機與小批次梯度下降</translation>
    </message>
    <message>
        <source>mean loss ℒ over the 21 samples</source>
        <translation>21 個樣本的平均損失 ℒ</translation>
    </message>
</context>
<context>
    <name>EpochPlot</name>
    <message>
        <source>epoch</source>
        <extracomment>The lesson&apos;s two runs keep their colours in every figure, so slides and screen agree. Colours for any further run, in order of preference. Yellow is left out: it is nearly invisible on white; bluish green is the accent (tangent, start marker). What marks a bad value: a field&apos;s frame, the reason under it, a diverged run&apos;s warning. Symbols that tell the runs apart without colour (first run, second run, …). At most this many decades of |∂C/∂w| are shown below the largest value on the log axis: a gradient that underflows towards 10⁻³⁰⁰ must not squash the lesson&apos;s 10⁻² … 10⁰. Legend text relative to the theme&apos;s font: legends name what the axes and colours show, they are not the lesson. Nearly opaque: a curve passing under the legend must not make its text unreadable. Between the legend&apos;s box and the plot&apos;s edge, in pixels (the legends&apos; offset). The legend of a plot against the epoch moves to another corner only when there it would hide at most this share of the curve points it hides where it is, and where it is it hides at least LEGEND_MOVE_MIN_POINTS: it should not wander about as the curves grow. Points counted along each segment of a polyline when the legend picks a corner: the legend should not hide the line between two far-apart points (a five-epoch run has six). (x, y) of the legend&apos;s corner, in order of preference: top right, where the lesson&apos;s costs and gradients leave most room, first. Pixels above and below a legend that sits in a row of its own above the plot. An axis label longer than its axis is set smaller, down to this share of the theme&apos;s size. A run&apos;s only point (epoch 0) is drawn as a marker this size relative to the theme&apos;s: a line through one point draws nothing.</extracomment>
        <translation>訓練週期</translation>
    </message>
</context>
<context>
    <name>ExperimentPanel</name>
    <message>
        <source>w = 0.6, b = 0.9 (mild)</source>
        <translation>w = 0.6, b = 0.9（溫和）</translation>
    </message>
    <message>
        <source>w = 2, b = 2 (saturated)</source>
        <translation>w = 2, b = 2（飽和）</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自訂</translation>
    </message>
    <message>
        <source>The two classic starts of the lesson: a mild one (a = 0.82) and a saturated one (a = 0.98). Both runs always start from the same w and b.</source>
        <translation>本課的兩個經典起點：一個溫和（a = 0.82），一個飽和（a = 0.98）。兩次執行一律從相同的 w 和 b 開始。</translation>
    </message>
    <message>
        <source>The input x of the single training sample.</source>
        <translation>唯一那個訓練樣本的輸入 x。</translation>
    </message>
    <message>
        <source>The desired output y, between 0 and 1.</source>
        <translation>期望的輸出 y，介於 0 與 1 之間。</translation>
    </message>
    <message>
        <source>The starting weight w. You can also drag the start point on the sigmoid plot or click on a cost surface.</source>
        <translation>起始權重 w。也可以在 sigmoid 圖上拖曳起點，或在代價曲面上點一下。</translation>
    </message>
    <message>
        <source>The starting bias b.</source>
        <translation>起始偏置 b。</translation>
    </message>
    <message>
        <source>The learning rate η: each epoch moves w and b by −η times the gradient.</source>
        <translation>學習率 η：每個訓練週期讓 w 和 b 移動 −η 乘以梯度。</translation>
    </message>
    <message>
        <source>How many epochs (gradient steps) to train.</source>
        <translation>要訓練幾個訓練週期（梯度步數）。</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>輸入 x</translation>
    </message>
    <message>
        <source>Target y</source>
        <translation>目標值 y</translation>
    </message>
    <message>
        <source>Start weight w</source>
        <translation>起始權重 w</translation>
    </message>
    <message>
        <source>Start bias b</source>
        <translation>起始偏置 b</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>學習率 η</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>訓練週期數</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>實驗</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起點</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>代價函數</translation>
    </message>
    <message>
        <source>Quadratic</source>
        <translation>二次代價函數</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵代價函數</translation>
    </message>
    <message>
        <source>Both, side by side</source>
        <translation>兩者並排比較</translation>
    </message>
    <message>
        <source>C = ½(a − y)²: its gradient carries σ&apos;(z).</source>
        <translation>C = ½(a − y)²：其梯度帶有 σ&apos;(z)。</translation>
    </message>
    <message>
        <source>C = −[y ln a + (1 − y) ln(1 − a)]: σ&apos;(z) cancels.</source>
        <translation>C = −[y ln a + (1 − y) ln(1 − a)]：σ&apos;(z) 會被消去。</translation>
    </message>
    <message>
        <source>Two runs from the same start on the same data, one per cost.</source>
        <translation>從同一起點、用同一份資料進行兩次執行，每種代價函數各一次。</translation>
    </message>
    <message>
        <source>Second start</source>
        <translation>第二個起點</translation>
    </message>
    <message>
        <source>Train every cost from a second start (w, b) as well, on the same plots: each start has its own line style and marker, each cost its colour.</source>
        <translation>每種代價函數也從第二個起點 (w, b) 開始訓練，畫在同一組圖上：每個起點有自己的線型與標記，每種代價函數有自己的顏色。</translation>
    </message>
    <message>
        <source>The second start&apos;s weight w.</source>
        <translation>第二個起點的權重 w。</translation>
    </message>
    <message>
        <source>The second start&apos;s bias b.</source>
        <translation>第二個起點的偏置 b。</translation>
    </message>
    <message>
        <source>Start 2: weight w</source>
        <translation>起點 2：權重 w</translation>
    </message>
    <message>
        <source>Start 2: bias b</source>
        <translation>起點 2：偏置 b</translation>
    </message>
    <message>
        <source>Start 2 is the same as start 1: change its w or b.</source>
        <translation>起點 2 與起點 1 相同：請修改它的 w 或 b。</translation>
    </message>
</context>
<context>
    <name>ExplainerPage</name>
    <message>
        <source>← Back</source>
        <extracomment>explicit contexts: a page class&apos;s self.tr would look the texts up under its own name</extracomment>
        <translation>← 上一步</translation>
    </message>
    <message>
        <source>The step before (Left arrow)</source>
        <translation>上一步（← 鍵）</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>下一步 →</translation>
    </message>
    <message>
        <source>The next step (Right arrow)</source>
        <translation>下一步（→ 鍵）</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>步驟 %1 / %2：%3</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export “%1”</source>
        <translation>匯出「%1」</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 影像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 向量圖</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Width of the PNG image; by default a full-HD slide (16:9) or wider, sharp on a projector</source>
        <translation>PNG 影像的寬度；預設為 Full HD 投影片（16:9）或更寬，投影時依然清晰</translation>
    </message>
    <message>
        <source>Add a caption with the settings</source>
        <translation>加上列出設定的圖說</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>寬度</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>要取代檔案嗎？</translation>
    </message>
    <message>
        <source>“%1” already exists. Do you want to replace it?</source>
        <translation>「%1」已存在。要取代它嗎？</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>a finite number</source>
        <extracomment>Set an axis label smaller where the axis is too short for it (see fit_axis_labels). the plots whose epoch axis follows this one&apos;s (see link_epoch_axes) a name of its own, so that pyside6-lupdate finds the texts it translates</extracomment>
        <translation>有限的數值</translation>
    </message>
    <message>
        <source>a number of at least %1</source>
        <translation>不小於 %1 的數值</translation>
    </message>
    <message>
        <source>a number from %1 to %2</source>
        <translation>%1 到 %2 之間的數值</translation>
    </message>
    <message>
        <source>a number more than %1 and at most %2</source>
        <translation>大於 %1 且不大於 %2 的數值</translation>
    </message>
    <message>
        <source>a number from %1 to less than %2</source>
        <translation>不小於 %1 且小於 %2 的數值</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整數</translation>
    </message>
    <message>
        <source>a whole number of at least %1</source>
        <translation>不小於 %1 的整數</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之間的整數</translation>
    </message>
    <message>
        <source>%1 (%2) is empty: it must be %3.</source>
        <translation>%1（%2）是空的：必須是 %3。</translation>
    </message>
    <message>
        <source>%1 (%2) = %3 is not a whole number: it must be %4.</source>
        <translation>%1（%2）= %3 不是整數：必須是 %4。</translation>
    </message>
    <message>
        <source>%1 (%2) = %3 is not a number: it must be %4.</source>
        <translation>%1（%2）= %3 不是數值：必須是 %4。</translation>
    </message>
    <message>
        <source>%1 (%2) = %3: must be %4.</source>
        <translation>%1（%2）= %3：必須是 %4。</translation>
    </message>
</context>
<context>
    <name>FitView</name>
    <message>
        <source>No data to show yet.</source>
        <extracomment>x values each run&apos;s curve is evaluated at: smooth at any width, and a 1-16-16-1 network answers all of them in well under a millisecond. Room round the data, as a share of their extent, on every side ... ... and above them, where the legend goes. Opacity of the training points (0–255): the curves lie on top and must stay readable.</extracomment>
        <translation>還沒有可顯示的資料。</translation>
    </message>
    <message>
        <source>Fitted curve</source>
        <translation>擬合曲線</translation>
    </message>
    <message>
        <source>The fitted curve is for regression: these data have classes.</source>
        <translation>擬合曲線用於迴歸：這些資料是分類資料。</translation>
    </message>
    <message>
        <source>The fitted curve needs data with one input and one number to learn; these have %1 inputs and %2.</source>
        <translation>擬合曲線需要只有一個輸入、一個待學習數值的資料；這些資料有 %1 個輸入和 %2 個待學習數值。</translation>
    </message>
    <message>
        <source>training data</source>
        <translation>訓練資料</translation>
    </message>
    <message>
        <source>test data</source>
        <translation>測試資料</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
</context>
<context>
    <name>GradientPlot</name>
    <message>
        <source>Learning speed</source>
        <translation>學習速度</translation>
    </message>
    <message>
        <source>|∂C/∂w|, |∂C/∂b|</source>
        <translation>|∂C/∂w|, |∂C/∂b|</translation>
    </message>
</context>
<context>
    <name>HiddenZeroPlot</name>
    <message>
        <source>Hidden outputs at zero (%)</source>
        <translation>隱藏層輸出為零的比例（%）</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>層</translation>
    </message>
    <message>
        <source>outputs at 0 (%)</source>
        <translation>輸出為 0（%）</translation>
    </message>
</context>
<context>
    <name>LabAccuracyPlot</name>
    <message>
        <source>Accuracy</source>
        <translation>準確率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>準確率</translation>
    </message>
    <message>
        <source>A regression has no accuracy: its outputs are numbers, not classes. The cost, the mean squared error, measures how far they are from the targets.</source>
        <translation>迴歸沒有準確率：它的輸出是數值，而不是類別。代價函數（均方誤差）衡量輸出與目標值相差多遠。</translation>
    </message>
</context>
<context>
    <name>LabCostPlot</name>
    <message>
        <source>Cost</source>
        <translation>代價</translation>
    </message>
    <message>
        <source>cost C</source>
        <translation>代價 C</translation>
    </message>
    <message>
        <source>Cost (MSE)</source>
        <translation>代價（均方誤差）</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方誤差</translation>
    </message>
</context>
<context>
    <name>LabEpochPlot</name>
    <message>
        <source>training</source>
        <translation>訓練集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>測試集</translation>
    </message>
    <message>
        <source>parameter updates</source>
        <extracomment>A diverged run&apos;s cost climbs towards infinity before it becomes NaN. The cost axis follows it only up to this many times the largest starting cost: above that the curve leaves the top of the plot (which is the lesson: it blew up) and the other runs stay readable. Likewise the gradient axis follows a diverged run&apos;s norms only up to this many decades above the largest norm at epoch 0. The line-style entries of the cost and accuracy legends (key, text, pen style). The test curves&apos; dashes and gaps, in line widths. The gradient view puts the zero shares beside the gradients when it is this many times wider than high, under them otherwise. What the cost and accuracy curves can be drawn against: each is a history column. QSettings key: the x axis last chosen for the lab&apos;s curves</extracomment>
        <translation>參數更新次數</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>已處理樣本數</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>訓練週期</translation>
    </message>
    <message>
        <source>Parameter updates</source>
        <translation>參數更新次數</translation>
    </message>
    <message>
        <source>Samples seen</source>
        <translation>已處理樣本數</translation>
    </message>
    <message>
        <source>Plot against</source>
        <extracomment>&quot;parameter updates&quot; is longer than &quot;epoch&quot;: in a narrow plot it is set smaller what the curves are drawn against: EPOCHS, UPDATES or SAMPLES</extracomment>
        <translation>橫軸</translation>
    </message>
</context>
<context>
    <name>LabPage</name>
    <message>
        <source>η = %1</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates Colours of runs that do not compare costs, in order (Okabe–Ito; yellow is too light).</extracomment>
        <translation>η = %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates</extracomment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>網路</translation>
    </message>
    <message>
        <source>Open &amp;dataset…</source>
        <translation>開啟資料集(&amp;D)…</translation>
    </message>
    <message>
        <source>Learn from a CSV file or MNIST-style IDX files (or drop them on the window)</source>
        <translation>從 CSV 檔案或 MNIST 格式的 IDX 檔案學習（也可以直接拖放到視窗上）</translation>
    </message>
    <message>
        <source>Epochs trained of those planned</source>
        <extracomment>what the download dialog is given (tests: a local server&apos;s mirrors and files)</extracomment>
        <translation>已訓練的訓練週期數 / 預計總數</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>範例</translation>
    </message>
    <message>
        <source>Cannot use these settings</source>
        <translation>無法使用這些設定</translation>
    </message>
    <message>
        <source>%1: %2 training and %3 test samples, %4 inputs, %5 classes</source>
        <translation>%1：%2 個訓練樣本、%3 個測試樣本，%4 個輸入，%5 個類別</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation>開啟資料集</translation>
    </message>
    <message>
        <source>Cannot open dataset</source>
        <translation>無法開啟資料集</translation>
    </message>
    <message>
        <source>Opened %1: %2 samples, %3 inputs, %4 classes</source>
        <translation>已開啟 %1：%2 個樣本，%3 個輸入，%4 個類別</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>無法開啟實驗</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在載入 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Loading data</source>
        <translation>正在載入資料</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>已取消載入</translation>
    </message>
    <message>
        <source>Still loading data: wait, or cancel the loading first</source>
        <translation>仍在載入資料：請稍候，或先取消載入</translation>
    </message>
    <message>
        <source>Epoch %1 of %2</source>
        <translation>訓練週期 %1 / %2</translation>
    </message>
    <message>
        <source>%1: test accuracy %2</source>
        <translation>%1：測試準確率 %2</translation>
    </message>
    <message>
        <source>%1: training accuracy %2</source>
        <translation>%1：訓練準確率 %2</translation>
    </message>
    <message>
        <source>%1: diverged</source>
        <translation>%1：已發散</translation>
    </message>
    <message>
        <source>The %1 run stopped: %2</source>
        <translation>執行「%1」已停止：%2</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>約剩 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批次</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>批次大小 %1</translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation>執行：%1</translation>
    </message>
    <message>
        <source>layers %1</source>
        <translation>各層 %1</translation>
    </message>
    <message>
        <source>epoch %1 of %2</source>
        <translation>訓練週期 %1 / %2</translation>
    </message>
    <message>
        <source>Open one CSV file, or an IDX images file with its labels file (got %1 files)</source>
        <translation>請開啟一個 CSV 檔案，或一個 IDX 影像檔及其標籤檔（收到 %1 個檔案）</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *idx* *ubyte* *.gz);;All files (*)</source>
        <translation>資料檔 (*.csv *.tsv *.txt *idx* *ubyte* *.gz);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>%1: test MSE %2</source>
        <translation>%1：測試均方誤差 %2</translation>
    </message>
    <message>
        <source>%1: training MSE %2</source>
        <translation>%1：訓練均方誤差 %2</translation>
    </message>
    <message>
        <source>%1: %2 training and %3 test samples; inputs: %4, numbers to learn: %5</source>
        <translation>%1：%2 個訓練樣本、%3 個測試樣本，%4 個輸入，%5 個待學習數值</translation>
    </message>
    <message>
        <source>Opened %1: %2 samples; inputs: %3, numbers to learn: %4</source>
        <translation>已開啟 %1：%2 個樣本，%3 個輸入，%4 個待學習數值</translation>
    </message>
    <message>
        <source>Download &amp;MNIST…</source>
        <translation>下載 MNIST(&amp;M)…</translation>
    </message>
    <message>
        <source>Download the full MNIST handwritten digits (%1 MB, once) and learn from its 60,000 + 10,000 images</source>
        <translation>下載完整的 MNIST 手寫數字（%1 MB，只需下載一次），並以其中的 60,000 + 10,000 張影像學習</translation>
    </message>
    <message>
        <source>%1 epochs on %2 samples: about %3 on this computer</source>
        <translation>以 %2 個樣本進行 %1 個訓練週期：在這台電腦上約需 %3</translation>
    </message>
    <message>
        <source>%1 epochs of %2 runs on %3 samples: about %4 on this computer</source>
        <translation>%2 次執行各以 %3 個樣本進行 %1 個訓練週期：在這台電腦上約需 %4</translation>
    </message>
    <message>
        <source>training takes about %1</source>
        <translation>訓練約需 %1</translation>
    </message>
    <message>
        <source>The cancelled download is still stopping: try again in a moment</source>
        <translation>已取消的下載仍在停止中：請稍後再試</translation>
    </message>
    <message>
        <source>Download cancelled: the lab keeps its data</source>
        <translation>已取消下載：實驗室保留原有的資料</translation>
    </message>
    <message>
        <source>Cannot download MNIST</source>
        <translation>無法下載 MNIST</translation>
    </message>
    <message>
        <source>MNIST downloaded: learning from its %1 training and %2 test images</source>
        <translation>MNIST 已下載：以其中的 %1 張訓練影像與 %2 張測試影像學習</translation>
    </message>
    <message>
        <source>Download MNIST?</source>
        <translation>要下載 MNIST 嗎？</translation>
    </message>
    <message>
        <source>These settings learn from the full MNIST, which is not downloaded yet. Download it now (%1 MB)?</source>
        <translation>這些設定要以完整的 MNIST 學習，但它還沒有下載。要現在下載嗎（%1 MB）？</translation>
    </message>
    <message>
        <source>%1, η = %2</source>
        <translation>%1，η = %2</translation>
    </message>
</context>
<context>
    <name>LabPanel</name>
    <message>
        <source>e.g. 64-30-10</source>
        <translation>例如 64-30-10</translation>
    </message>
    <message>
        <source>Enter the layer sizes from the inputs to the outputs, %1.</source>
        <translation>請輸入從輸入到輸出的各層大小，%1。</translation>
    </message>
    <message>
        <source>A layer size is missing: write the sizes from the inputs to the outputs, %1.</source>
        <translation>缺少某一層的大小：請寫出從輸入到輸出的各層大小，%1。</translation>
    </message>
    <message>
        <source>“%1” is not a layer size: layer sizes are whole numbers, %2.</source>
        <translation>「%1」不是層的大小：層的大小是整數，%2。</translation>
    </message>
    <message>
        <source>%1 layers: a network has %2 to %3 layers (the inputs, up to %4 hidden layers, the outputs) (%5).</source>
        <translation>%1 層：網路要有 %2 到 %3 層（輸入層、最多 %4 個隱藏層、輸出層）（%5）。</translation>
    </message>
    <message>
        <source>Hidden layer %1 has %2 units: a hidden layer has %3 to %4 (%5).</source>
        <translation>隱藏層 %1 有 %2 個單元：隱藏層要有 %3 到 %4 個單元（%5）。</translation>
    </message>
    <message>
        <source>The input layer has %1 units: inputs and outputs have %2 to %3 (%4).</source>
        <translation>輸入層有 %1 個單元：輸入層與輸出層要有 %2 到 %3 個單元（%4）。</translation>
    </message>
    <message>
        <source>The output layer has %1 units: inputs and outputs have %2 to %3 (%4).</source>
        <translation>輸出層有 %1 個單元：輸入層與輸出層要有 %2 到 %3 個單元（%4）。</translation>
    </message>
    <message>
        <source>The data have %1 inputs and %2 classes: start with %1 and end with %2, e.g. %3.</source>
        <translation>資料有 %1 個輸入、%2 個類別：請以 %1 開頭、以 %2 結尾，例如 %3。</translation>
    </message>
    <message>
        <source>Enter the learning rates to compare, e.g. 0.1, 0.5, 3.</source>
        <translation>請輸入要比較的學習率，例如 0.1, 0.5, 3。</translation>
    </message>
    <message>
        <source>Each η</source>
        <translation>各個 η</translation>
    </message>
    <message>
        <source>η = %1 is there twice: each run needs a different η.</source>
        <translation>η = %1 出現了兩次：每次執行都需要不同的 η。</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>樣本數</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>雜訊</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>測試比例</translation>
    </message>
    <message>
        <source>Tick at least one cost: each ticked cost is one run.</source>
        <translation>請至少勾選一個代價函數：每個勾選的代價函數各是一次執行。</translation>
    </message>
    <message>
        <source>The runs differ in the %1, so tick exactly one cost.</source>
        <translation>各次執行的差別在於%1，所以只能勾選一個代價函數。</translation>
    </message>
    <message>
        <source>Mini-batch size</source>
        <translation>小批次大小</translation>
    </message>
    <message>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>動量</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>訓練週期數</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>隨機種子</translation>
    </message>
    <message>
        <source>σ(z) = 1/(1 + e^−z): smooth, but its slope is tiny where it saturates, so deep sigmoid networks learn slowly.</source>
        <translation>σ(z) = 1/(1 + e^−z)：平滑，但在飽和區斜率極小，因此深層 sigmoid 網路學得很慢。</translation>
    </message>
    <message>
        <source>tanh(z): like the sigmoid but centred on 0, from −1 to 1.</source>
        <translation>tanh(z)：類似 sigmoid，但以 0 為中心，範圍從 −1 到 1。</translation>
    </message>
    <message>
        <source>max(0, z): slope 1 for every positive z, so gradients do not fade through many layers.</source>
        <translation>max(0, z)：所有正的 z 斜率都是 1，所以梯度穿過多層也不會逐漸消失。</translation>
    </message>
    <message>
        <source>Like ReLU, but a small slope for negative z keeps every unit learning.</source>
        <translation>類似 ReLU，但負的 z 仍保有小斜率，讓每個單元都能持續學習。</translation>
    </message>
    <message>
        <source>a = z: no bend at all, so the whole network stays a linear map.</source>
        <translation>a = z：完全沒有彎曲，所以整個網路仍然是線性映射。</translation>
    </message>
    <message>
        <source>One step per epoch, with the gradient of all training samples.</source>
        <translation>每個訓練週期走一步，使用所有訓練樣本的梯度。</translation>
    </message>
    <message>
        <source>SGD (1 sample)</source>
        <translation>SGD（1 個樣本）</translation>
    </message>
    <message>
        <source>One step per sample: many small, noisy steps per epoch.</source>
        <translation>每個樣本走一步：每個訓練週期走許多小而帶雜訊的步伐。</translation>
    </message>
    <message>
        <source>One step per mini-batch of samples: the usual compromise.</source>
        <translation>每個小批次的樣本走一步：常用的折衷做法。</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>代價函數</translation>
    </message>
    <message>
        <source>hidden activation</source>
        <translation>隱藏層激勵函數</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>最佳化方法</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>學習率 η</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>資料</translation>
    </message>
    <message>
        <source>The samples the network learns from: handwritten digits, small toy problems, or your own file.</source>
        <translation>網路學習所用的樣本：手寫數字、小型玩具問題，或你自己的檔案。</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>開啟檔案…</translation>
    </message>
    <message>
        <source>Learn from your own data: a CSV file (one sample per row, the label in one column) or MNIST&apos;s IDX files.</source>
        <translation>從你自己的資料學習：CSV 檔案（每列一個樣本，標籤放在其中一欄）或 MNIST 的 IDX 檔案。</translation>
    </message>
    <message>
        <source>How much random jitter is added to each point: more noise makes the classes overlap.</source>
        <translation>每個點要加上多少隨機擾動：雜訊越多，類別越會互相重疊。</translation>
    </message>
    <message>
        <source>The share of samples kept aside to test the network on data it never trained on (0 = no test set).</source>
        <translation>保留下來不參與訓練、用來測試網路的樣本比例（0 = 沒有測試集）。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>資料集</translation>
    </message>
    <message>
        <source>file: %1</source>
        <translation>檔案：%1</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>網路</translation>
    </message>
    <message>
        <source>Layer sizes from the inputs to the outputs, e.g. 64-30-10: 64 inputs, one hidden layer of 30 units, 10 outputs (one per class).</source>
        <translation>從輸入到輸出的各層大小，例如 64-30-10：64 個輸入、一個有 30 個單元的隱藏層、10 個輸出（每個類別一個）。</translation>
    </message>
    <message>
        <source>per layer…</source>
        <translation>逐層設定…</translation>
    </message>
    <message>
        <source>Choose the activation of each hidden layer.</source>
        <translation>為每個隱藏層選擇激勵函數。</translation>
    </message>
    <message>
        <source>The function each hidden unit applies to its weighted input z.</source>
        <translation>每個隱藏單元套用在其加權輸入 z 上的函數。</translation>
    </message>
    <message>
        <source>The activation of hidden layer %1 (counted from the inputs).</source>
        <translation>隱藏層 %1 的激勵函數（從輸入端算起）。</translation>
    </message>
    <message>
        <source>Hidden layer %1</source>
        <translation>隱藏層 %1</translation>
    </message>
    <message>
        <source>Each output unit is a sigmoid between 0 and 1, on its own.</source>
        <translation>每個輸出單元各自是一個介於 0 和 1 之間的 sigmoid。</translation>
    </message>
    <message>
        <source>The outputs are positive and add up to 1, like probabilities of the classes.</source>
        <translation>輸出皆為正且總和為 1，就像各類別的機率。</translation>
    </message>
    <message>
        <source>How the output layer turns its weighted inputs into the network&apos;s answer.</source>
        <translation>輸出層如何把加權輸入轉換成網路的答案。</translation>
    </message>
    <message>
        <source>standard N(0, 1)</source>
        <translation>標準 N(0, 1)</translation>
    </message>
    <message>
        <source>Every weight and bias drawn from N(0, 1): big weights that often start saturated.</source>
        <translation>每個權重與偏置都取自 N(0, 1)：權重很大，常常一開始就飽和。</translation>
    </message>
    <message>
        <source>scaled N(0, 1/n)</source>
        <translation>縮放 N(0, 1/n)</translation>
    </message>
    <message>
        <source>Weights from N(0, 1/n) for n inputs, so z starts small and the units are not saturated.</source>
        <translation>有 n 個輸入時，權重取自 N(0, 1/n)，因此 z 一開始很小，單元不會飽和。</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>Weights from N(0, 2/(n_in + n_out)), biases 0: suits sigmoid and tanh.</source>
        <translation>權重取自 N(0, 2/(n_in + n_out))，偏置為 0：適用於 sigmoid 與 tanh。</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>Weights from N(0, 2/n_in), biases 0: suits ReLU.</source>
        <translation>權重取自 N(0, 2/n_in)，偏置為 0：適用於 ReLU。</translation>
    </message>
    <message>
        <source>How the starting weights and biases are drawn (every run starts from the same ones).</source>
        <translation>起始權重與偏置的抽取方式（每次執行都從相同的值開始）。</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>各層</translation>
    </message>
    <message>
        <source>Hidden activation</source>
        <translation>隱藏層激勵函數</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>輸出層</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>訓練</translation>
    </message>
    <message>
        <source>C = ½‖a − y‖²: its gradient carries σ&apos;(z), so saturated units learn slowly.</source>
        <translation>C = ½‖a − y‖²：其梯度帶有 σ&apos;(z)，所以飽和的單元學得很慢。</translation>
    </message>
    <message>
        <source>C = −Σ y ln a (…): σ&apos;(z) cancels, so a unit learns fastest when it is most wrong.</source>
        <translation>C = −Σ y ln a (…)：σ&apos;(z) 會被消去，所以單元錯得越多，學得越快。</translation>
    </message>
    <message>
        <source>The cost the network minimises; each ticked cost is one run, side by side.</source>
        <translation>網路要最小化的代價函數；每個勾選的代價函數各是一次執行，並排比較。</translation>
    </message>
    <message>
        <source>How many samples each gradient step looks at.</source>
        <translation>每一步梯度下降要看多少個樣本。</translation>
    </message>
    <message>
        <source>How many samples each mini-batch holds.</source>
        <translation>每個小批次包含多少個樣本。</translation>
    </message>
    <message>
        <source>The learning rate η: each step moves the weights by −η times the gradient.</source>
        <translation>學習率 η：每一步讓權重移動 −η 乘以梯度。</translation>
    </message>
    <message>
        <source>Momentum μ from 0 to just under 1: each step keeps μ times the previous step (0 = plain gradient descent).</source>
        <translation>動量 μ，從 0 到略小於 1：每一步保留前一步的 μ 倍（0 = 一般的梯度下降）。</translation>
    </message>
    <message>
        <source>L2 regularisation λ: pulls every weight towards 0 a little each step (0 = none).</source>
        <translation>L2 正規化 λ：每一步都把每個權重稍微拉向 0（0 = 不使用）。</translation>
    </message>
    <message>
        <source>How many times the network goes through all training samples.</source>
        <translation>網路要走過全部訓練樣本幾次。</translation>
    </message>
    <message>
        <source>The seed of the random numbers (data, start, order of samples): the same seed gives the same run.</source>
        <translation>亂數的種子（資料、起點、樣本順序）：相同的種子會得到相同的執行結果。</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>代價函數</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>最佳化方法</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>學習率 η</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>One run per ticked cost.</source>
        <translation>每個勾選的代價函數各執行一次。</translation>
    </message>
    <message>
        <source>One run per ticked activation (every hidden layer uses it); tick one cost.</source>
        <translation>每個勾選的激勵函數各執行一次（所有隱藏層都使用它）；請只勾選一個代價函數。</translation>
    </message>
    <message>
        <source>One run per ticked optimiser; tick one cost.</source>
        <translation>每個勾選的最佳化方法各執行一次；請只勾選一個代價函數。</translation>
    </message>
    <message>
        <source>One run per learning rate; tick one cost.</source>
        <translation>每個學習率各執行一次；請只勾選一個代價函數。</translation>
    </message>
    <message>
        <source>The one setting the runs differ in; everything else, the start and the order of the samples are the same in every run.</source>
        <translation>各次執行之間唯一不同的設定；其他一切，包括起點與樣本順序，在每次執行中都相同。</translation>
    </message>
    <message>
        <source>The hidden activations to compare: one run each.</source>
        <translation>要比較的隱藏層激勵函數：每個各執行一次。</translation>
    </message>
    <message>
        <source>The optimisers to compare: one run each.</source>
        <translation>要比較的最佳化方法：每個各執行一次。</translation>
    </message>
    <message>
        <source>The learning rates to compare, separated by commas, e.g. 0.1, 0.5, 3: one run each.</source>
        <translation>要比較的學習率，以逗號分隔，例如 0.1, 0.5, 3：每個各執行一次。</translation>
    </message>
    <message>
        <source>Runs differ in</source>
        <translation>比較的設定</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>The label column names a class: the network picks one.</source>
        <translation>標籤欄給出類別：網路從各類別中選出一個。</translation>
    </message>
    <message>
        <source>numbers (regression)</source>
        <translation>數值（迴歸）</translation>
    </message>
    <message>
        <source>The label column holds a number: the network learns to answer it, with a linear output and the quadratic cost (the mean squared error).</source>
        <translation>標籤欄是一個數值：網路學會輸出這個數值，使用線性輸出與二次代價函數（也就是均方誤差）。</translation>
    </message>
    <message>
        <source>What the file&apos;s label column holds: classes or numbers.</source>
        <translation>檔案的標籤欄是什麼：類別還是數值。</translation>
    </message>
    <message>
        <source>How many points the toy problem draws (training and test together).</source>
        <translation>玩具問題產生多少個點（訓練集與測試集合計）。</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>a = z: any number, for regression; trained with the quadratic cost (the mean squared error).</source>
        <translation>a = z：可以是任意數值，用於迴歸；以二次代價函數（也就是均方誤差）訓練。</translation>
    </message>
    <message>
        <source>The data have inputs: %1, numbers to learn: %2. Start with %1 and end with %2, e.g. %3.</source>
        <translation>資料有 %1 個輸入、%2 個待學習數值：請以 %1 開頭、以 %2 結尾，例如 %3。</translation>
    </message>
    <message>
        <source>MNIST (60,000 + 10,000 images)</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates</extracomment>
        <translation>MNIST（60,000 + 10,000 張影像）</translation>
    </message>
    <message>
        <source>The full MNIST handwritten digits, 28×28 pixels, with their official split: 60,000 to train on and 10,000 to test.</source>
        <translation>完整的 MNIST 手寫數字，28×28 像素，採用官方劃分：60,000 張用於訓練，10,000 張用於測試。</translation>
    </message>
    <message>
        <source>MNIST (download, %1 MB)</source>
        <translation>MNIST（需下載，%1 MB）</translation>
    </message>
    <message>
        <source>Download the full MNIST (%1 MB, once: it stays in the cache) and learn from its 60,000 + 10,000 images.</source>
        <translation>下載完整的 MNIST（%1 MB，只需下載一次：之後會保留在快取中），並以其中的 60,000 + 10,000 張影像學習。</translation>
    </message>
    <message>
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <source>MNIST subset</source>
        <translation>MNIST 子集</translation>
    </message>
    <message>
        <source>MNIST subset (5,000 images, offline)</source>
        <translation>MNIST 子集（5,000 張影像，可離線使用）</translation>
    </message>
    <message>
        <source>5,000 of MNIST&apos;s 28×28 handwritten digits (500 of each), shipped with nnlab: no download.</source>
        <translation>MNIST 中的 5,000 個 28×28 手寫數字（每個數字各 500 個），隨 nnlab 附帶：不必下載。</translation>
    </message>
    <message>
        <source>float64</source>
        <translation>float64</translation>
    </message>
    <message>
        <source>64-bit numbers: results to the last digit.</source>
        <translation>64 位元數值：結果精確到最後一位。</translation>
    </message>
    <message>
        <source>float32 (faster)</source>
        <translation>float32（較快）</translation>
    </message>
    <message>
        <source>32-bit numbers: about 1.5× faster on MNIST-size data, and agrees with float64 to about 7 digits.</source>
        <translation>32 位元數值：在 MNIST 規模的資料上約快 1.5 倍，與 float64 的結果約有前 7 位有效數字相同。</translation>
    </message>
    <message>
        <source>The numbers the network computes with: float64, or float32, about 1.5× faster and agreeing to about 7 digits.</source>
        <translation>網路計算時所用的數值：float64，或 float32（約快 1.5 倍，結果約有前 7 位有效數字相同）。</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>數值精確度</translation>
    </message>
    <message>
        <source>Off: each run has its own η, set below (compare.learning_rates in the experiment file). Compare something else to set one η for every run.</source>
        <translation>已停用：每次執行各有自己的 η，在下方設定（實驗檔案中的 compare.learning_rates）。改為比較其他設定，就能為所有執行設定同一個 η。</translation>
    </message>
    <message>
        <source>η %1</source>
        <translation>%1 學習率 η</translation>
    </message>
    <message>
        <source>The learning rate η of the %1 run: each of its steps moves the weights by −η times the gradient.</source>
        <translation>%1 這次執行的學習率 η：它的每一步讓權重移動 −η 乘以梯度。</translation>
    </message>
</context>
<context>
    <name>LabXAxis</name>
    <message>
        <source>%1M</source>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
</context>
<context>
    <name>LayerGradientPlot</name>
    <message>
        <source>layer (input → output)</source>
        <extracomment>beside the zero shares, the gradients&apos; plot is narrower than the view under the gradients: the share of each hidden layer&apos;s outputs at 0 (shown when the network has hidden layers)</extracomment>
        <translation>層（輸入 → 輸出）</translation>
    </message>
    <message>
        <source>‖∂C/∂W‖</source>
        <translation>‖∂C/∂W‖</translation>
    </message>
    <message>
        <source>Gradient ‖∂C/∂W‖ per layer</source>
        <translation>各層梯度 ‖∂C/∂W‖</translation>
    </message>
</context>
<context>
    <name>LessonList</name>
    <message>
        <source>%1. %2</source>
        <extracomment>Qt warnings that say nothing about the figures: the offscreen platform has no window manager to pass a window&apos;s size hints to, and says so each time a window is shown.</extracomment>
        <translation>%1. %2</translation>
    </message>
</context>
<context>
    <name>LessonPage</name>
    <message>
        <source>Whole window</source>
        <extracomment>QSettings key: whether figures get a caption with the settings (File › Add a caption)</extracomment>
        <translation>整個視窗</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已匯出 %1</translation>
    </message>
    <message>
        <source>Copied “%1” to the clipboard</source>
        <translation>已將「%1」複製到剪貼簿</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <extracomment>a frame has been handed to every visible view by the display timer; the argument is how long updating them took, in seconds (Qt paints them in between) The translation context of the lessons&apos; titles and descriptions. explicit contexts: a page class&apos;s self.tr would look the texts up under its own name file name offered when saving an experiment</extracomment>
        <translation>無法開啟實驗</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>無法執行：%1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暫停</translation>
    </message>
    <message>
        <source>Run</source>
        <extracomment>Views side by side where the dashboard is at least this many times as wide as it is high and each half at least ``min_column_ems`` font sizes wide (see :meth:`side_by_side_fits`); None: the lesson has one arrangement. whether the views stand side by side now (see side_by_side_aspect)</extracomment>
        <translation>執行</translation>
    </message>
    <message>
        <source>The %1 run stopped: %2</source>
        <translation>執行「%1」已停止：%2</translation>
    </message>
    <message>
        <source>Export “%1”…</source>
        <extracomment>explicit contexts: a page class&apos;s self.tr would look the texts up under its own name a line for the window&apos;s status bar, shown for ``timeout`` ms (0: until the next) the settings panel should be shown (a run was refused because of a bad value) a frame has been handed to every visible view; the argument is how long that took, in seconds show lesson ``name`` with this experiment opened in it (lessons never import each other: the window does it) file name offered when saving an experiment; None: the lesson has none, and File › Save is off while it is on show</extracomment>
        <translation>匯出「%1」…</translation>
    </message>
    <message>
        <source>Copy “%1” to clipboard</source>
        <translation>複製「%1」到剪貼簿</translation>
    </message>
    <message>
        <source>%1 The epochs so far are kept; Run or Reset starts again from epoch 0.</source>
        <translation>%1 已訓練的訓練週期都會保留；執行或重設會從第 0 個訓練週期重新開始。</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>訓練已停止</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Network lab</source>
        <translation>網路實驗室</translation>
    </message>
    <message>
        <source>Multi-layer networks on real data, runs compared live</source>
        <translation>多層網路學習真實資料，即時比較多次執行</translation>
    </message>
    <message>
        <source>One neuron: quadratic vs cross-entropy</source>
        <translation>單一神經元：二次代價函數與交叉熵代價函數</translation>
    </message>
    <message>
        <source>Why a neuron that starts badly wrong learns slowly with the quadratic cost and fast with cross-entropy</source>
        <translation>為什麼起初錯得離譜的神經元，用二次代價函數學得慢，用交叉熵代價函數卻學得快</translation>
    </message>
    <message>
        <source>Why cross-entropy: the derivation</source>
        <translation>為什麼是交叉熵：推導過程</translation>
    </message>
    <message>
        <source>From the quadratic cost&apos;s slow gradient to the cost whose gradient is the error itself, a step at a time</source>
        <translation>從二次代價函數緩慢的梯度出發，一步一步推導出梯度就是誤差本身的代價函數</translation>
    </message>
    <message>
        <source>Loss functions compared</source>
        <translation>損失函數比較</translation>
    </message>
    <message>
        <source>Classification error, squared error and cross-entropy score the same predictions: which tells the better model apart</source>
        <translation>用分類錯誤率、平方誤差與交叉熵評估同樣的預測：哪一個能分辨出較好的模型</translation>
    </message>
    <message>
        <source>Activation functions and vanishing gradients</source>
        <translation>激勵函數與梯度消失</translation>
    </message>
    <message>
        <source>Five activations and their slopes, why depth starves sigmoid layers, and why a network needs a non-linearity</source>
        <translation>五種激勵函數及其斜率，為什麼深度會讓 sigmoid 層得不到梯度，以及為什麼網路需要非線性</translation>
    </message>
    <message>
        <source>Backpropagation one number at a time</source>
        <translation>反向傳播：一個數一個數地算</translation>
    </message>
    <message>
        <source>The chain rule through a 3-2-3 network, every gradient checked by finite differences</source>
        <translation>在 3-2-3 網路中運用連鎖律，每個梯度都以有限差分驗證</translation>
    </message>
</context>
<context>
    <name>LossCurvesView</name>
    <message>
        <source>p: the probability ŷ of the true class</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates p from here to 1: −log p at the left edge is already beyond the axis. The loss axis reaches at least −log p at this p (about 3.9 in ln), and at most this top: a sample beyond it (p close to 0, or exactly 0: ∞) is drawn at the top, as a triangle.</extracomment>
        <translation>p：真實類別的機率 ŷ</translation>
    </message>
    <message>
        <source>loss of one sample</source>
        <translation>單一樣本的損失</translation>
    </message>
    <message>
        <source>Squared error: solid when the rest of ŷ lies on one wrong class (at most 2), dashed when it is spread evenly; every sample lies between. Cross-entropy: −log p alone, without bound.</source>
        <translation>平方誤差：ŷ 其餘的機率全落在一個錯誤類別上時為實線（最大為 2），平均分散時為虛線；每個樣本都落在兩者之間。交叉熵：只取決於 p 的負對數，沒有上界。</translation>
    </message>
    <message>
        <source>Loss of one sample against p</source>
        <translation>單一樣本的損失隨 p 的變化</translation>
    </message>
    <message>
        <source>cross-entropy −%1 p</source>
        <translation>交叉熵 −%1 p</translation>
    </message>
    <message>
        <source>squared error, rest on one wrong class</source>
        <translation>平方誤差，其餘集中在一個錯誤類別</translation>
    </message>
    <message>
        <source>squared error, rest spread evenly</source>
        <translation>平方誤差，其餘平均分散</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>2: the most a squared error can be</source>
        <translation>2：平方誤差的最大值</translation>
    </message>
</context>
<context>
    <name>LossTable</name>
    <message>
        <source>Model %1</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates The colours of the measures&apos; columns, as the plot draws them (the theme&apos;s run colours). Characters that begin (and make up) a number in a cell: digits, a decimal point or comma, signs, and the minus sign and infinity the cells show. Keys the table moves between cells with: the window&apos;s shortcuts must not take them. the table&apos;s root: no cell has a parent Where the columns do not fit, the table&apos;s font shrinks to this share of the font it inherits, never below MIN_POINT_SIZE (and never above the inherited size). Pixels around a header&apos;s texts. Height of the coloured bar under a measure&apos;s column title (pixels, at the normal theme).</extracomment>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Each model&apos;s mean over its samples</source>
        <translation>每個模型在其所有樣本上的平均值</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>樣本 %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>Squared error</source>
        <translation>平方誤差</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>The one-hot target y: 1 for the sample&apos;s true class. Type the class (1, 2 or 3) to change it.</source>
        <translation>獨熱目標值 y：樣本的真實類別為 1。輸入類別（1、2 或 3）即可修改。</translation>
    </message>
    <message>
        <source>Model %1&apos;s logit z for class %2: any number; ŷ = softmax(z)</source>
        <translation>模型 %1 對類別 %2 的對數勝算 z：可為任意數；ŷ = softmax(z)</translation>
    </message>
    <message>
        <source>Model %1&apos;s probability ŷ for class %2</source>
        <translation>模型 %1 對類別 %2 的機率 ŷ</translation>
    </message>
    <message>
        <source>Classification error: 1 when the largest ŷ is not the true class&apos;s (a tie counts as wrong), 0 when it is</source>
        <translation>分類錯誤：最大的 ŷ 不屬於真實類別時為 1（並列也算錯），屬於時為 0</translation>
    </message>
    <message>
        <source>Squared error: Σ (y − ŷ)² over the classes (note 002)</source>
        <translation>平方誤差：對各類別求 Σ (y − ŷ)²（講義 002）</translation>
    </message>
    <message>
        <source>Cross-entropy: −Σ y log ŷ over the classes, which leaves −log p, p the true class&apos;s ŷ</source>
        <translation>交叉熵：對各類別求 y 與 ŷ 之對數的乘積總和，再取負；結果只剩 p 的負對數（p 為真實類別的 ŷ）</translation>
    </message>
    <message>
        <source>Model %1&apos;s classification error: wrong samples / all samples = %2</source>
        <translation>模型 %1 的分類錯誤率：錯誤樣本數 / 全部樣本數 = %2</translation>
    </message>
    <message>
        <source>Model %1&apos;s mean squared error: the mean of its samples&apos; squared errors = %2</source>
        <translation>模型 %1 的均方誤差：各樣本平方誤差的平均值 = %2</translation>
    </message>
    <message>
        <source>Model %1&apos;s mean cross-entropy = %2</source>
        <translation>模型 %1 的平均交叉熵 = %2</translation>
    </message>
    <message>
        <source>Sample %1 is of class %2: type 1, 2 or 3 to change it</source>
        <translation>樣本 %1 屬於類別 %2：輸入 1、2 或 3 即可修改</translation>
    </message>
    <message>
        <source>z = %1 gives ŷ = %2 (softmax)</source>
        <translation>z = %1 經 softmax 得到 ŷ = %2</translation>
    </message>
    <message>
        <source>ŷ = %1</source>
        <translation>ŷ = %1</translation>
    </message>
    <message>
        <source>This row of ŷ sums to %1, not 1</source>
        <translation>這一列 ŷ 的總和是 %1，不是 1</translation>
    </message>
    <message>
        <source>Right: the true class has the largest ŷ</source>
        <translation>正確：真實類別的 ŷ 最大</translation>
    </message>
    <message>
        <source>Wrong: another class has a ŷ as large or larger</source>
        <translation>錯誤：另有類別的 ŷ 一樣大或更大</translation>
    </message>
    <message>
        <source>“%1” is no class: type 1, 2 or 3, or a one-hot row such as 0 0 1</source>
        <translation>「%1」不是類別：請輸入 1、2 或 3，或像 0 0 1 這樣的獨熱列</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>「%1」不是數字</translation>
    </message>
    <message>
        <source>A logit is a number below +∞</source>
        <translation>對數勝算必須是小於 +∞ 的數</translation>
    </message>
    <message>
        <source>At least one logit of a sample must be finite</source>
        <translation>一個樣本至少要有一個對數勝算是有限值</translation>
    </message>
    <message>
        <source>ŷ is a probability, from 0 to 1: not %1</source>
        <translation>ŷ 是機率，介於 0 到 1，不能是 %1</translation>
    </message>
    <message>
        <source>model %1, sample %2</source>
        <translation>模型 %1 的樣本 %2</translation>
    </message>
</context>
<context>
    <name>LossTableView</name>
    <message>
        <source>Loss table</source>
        <translation>損失表</translation>
    </message>
    <message>
        <source>ŷ does not sum to 1 in the marked rows (%1): change a value, or type logits (Type logits z in the panel) and softmax makes every row sum to 1. The losses take the numbers as they are.</source>
        <translation>標記的列中 ŷ 的總和不是 1（%1）：請修改數值，或改為輸入對數勝算（面板中的「輸入對數勝算 z」），softmax 會讓每一列的總和都是 1。損失會直接使用這些數值計算。</translation>
    </message>
    <message>
        <source>Note 002 prints 1.74 for model 2&apos;s third squared error: it is 0.74, as the note&apos;s own mean (0.34) has it. It cuts the cross-entropies off after two decimals (0.91, 1.37, 0.63) where the table rounds (0.916, 1.378, 0.639).</source>
        <translation>講義 002 把模型 2 第三個樣本的平方誤差印成 1.74：實際是 0.74，講義自己算的平均值（0.34）用的也是 0.74。講義把交叉熵截斷到小數點後兩位（0.91、1.37、0.63），而本表則是四捨五入（0.916、1.378、0.639）。</translation>
    </message>
</context>
<context>
    <name>LossesPage</name>
    <message>
        <source>Loss table</source>
        <extracomment>Samples there may be (a handful makes the point; the table stays on a slide). a name of its own, so that pyside6-lupdate finds the texts it translates The plot beside the table needs about this many lines of text in width, and under it about this many in height. How the table and the plot share the page (see LossesPage._arrangement_for_size).</extracomment>
        <translation>損失表</translation>
    </message>
    <message>
        <source>Add a sample</source>
        <translation>新增樣本</translation>
    </message>
    <message>
        <source>Remove the sample</source>
        <translation>刪除目前的樣本</translation>
    </message>
    <message>
        <source>Cross-entropy in log₂ (note 001)</source>
        <translation>交叉熵取以 2 為底的對數（講義 001）</translation>
    </message>
    <message>
        <source>Type logits z</source>
        <translation>輸入對數勝算 z</translation>
    </message>
    <message>
        <source>Cross-entropy: model 1 %1, model 2 %2</source>
        <translation>交叉熵：模型 1 為 %1，模型 2 為 %2</translation>
    </message>
    <message>
        <source>Model 1 vs 2: classification error %1 vs %2 · mean squared error %3 vs %4 · cross-entropy %5 vs %6</source>
        <translation>模型 1 / 模型 2：分類錯誤率 %1 / %2 · 均方誤差 %3 / %4 · 交叉熵 %5 / %6</translation>
    </message>
</context>
<context>
    <name>LossesPanel</name>
    <message>
        <source>Samples</source>
        <translation>樣本</translation>
    </message>
    <message>
        <source>Add a sample</source>
        <translation>新增樣本</translation>
    </message>
    <message>
        <source>A new sample after the table&apos;s current one, which both models are unsure of (Insert)</source>
        <translation>在表格目前的樣本之後新增一個樣本，兩個模型對它都沒有把握（插入鍵）</translation>
    </message>
    <message>
        <source>Remove the sample</source>
        <translation>刪除目前的樣本</translation>
    </message>
    <message>
        <source>The table&apos;s current sample goes, from both models (Delete)</source>
        <translation>從兩個模型中刪除表格目前的樣本（刪除鍵）</translation>
    </message>
    <message>
        <source>Note 002&apos;s example</source>
        <translation>講義 002 的範例</translation>
    </message>
    <message>
        <source>The notes&apos; three samples and two models again, cross-entropy in ln (R)</source>
        <translation>恢復講義中的三個樣本與兩個模型，交叉熵取自然對數 ln（R）</translation>
    </message>
    <message>
        <source>Type into the table: ŷ for each class (from 0 to 1), the true class as 1, 2 or 3. Enter or Tab keeps a value, Esc drops it.</source>
        <translation>在表格中輸入：各類別的 ŷ（0 到 1），真實類別填 1、2 或 3。按輸入鍵或定位鍵保留數值，按 Esc 鍵放棄。</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Natural log, ln (note 002)</source>
        <translation>自然對數 ln（講義 002）</translation>
    </message>
    <message>
        <source>−Σ y ln ŷ, as note 002 computes it: 1.378 and 0.639 for its example</source>
        <translation>−Σ y ln ŷ，同講義 002 的算法：其範例的結果為 1.378 與 0.639</translation>
    </message>
    <message>
        <source>Base 2, log₂ (note 001)</source>
        <translation>以 2 為底（講義 001）</translation>
    </message>
    <message>
        <source>−Σ y log₂ ŷ, as note 001 writes it: every cross-entropy divided by ln 2</source>
        <translation>以 2 為底的對數，同講義 001 的寫法：每個交叉熵都除以 ln 2</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>Type logits z, ŷ = softmax(z)</source>
        <translation>輸入對數勝算 z，ŷ = softmax(z)</translation>
    </message>
    <message>
        <source>Type each model&apos;s logits z instead of its probabilities: softmax turns them into ŷ, which sums to 1. Each row keeps its ŷ when you switch (z = ln ŷ; a row that does not sum to 1 is divided by its sum).</source>
        <translation>輸入每個模型的對數勝算 z，而不是機率：softmax 會把它們轉換成總和為 1 的 ŷ。切換時每一列的 ŷ 維持不變（z = ln ŷ；總和不是 1 的列會先除以其總和）。</translation>
    </message>
    <message>
        <source>Type into the table: the logits z of each class (any number), the true class as 1, 2 or 3. Enter or Tab keeps a value, Esc drops it.</source>
        <translation>在表格中輸入：各類別的對數勝算 z（任意數），真實類別填 1、2 或 3。按輸入鍵或定位鍵保留數值，按 Esc 鍵放棄。</translation>
    </message>
</context>
<context>
    <name>MisclassifiedStrip</name>
    <message>
        <source>No runs to show.</source>
        <extracomment>Misclassified images are drawn this many pixels tall at least (the 8 × 8 digits at 7×). Outputs listed in an image&apos;s tooltip.</extracomment>
        <translation>沒有可顯示的執行。</translation>
    </message>
    <message>
        <source>Misclassified images</source>
        <translation>分類錯誤的影像</translation>
    </message>
    <message>
        <source>true %1 → predicted %2</source>
        <translation>真實 %1 → 預測 %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3 test images misclassified</source>
        <translation>%1：%3 張測試影像中有 %2 張分類錯誤</translation>
    </message>
    <message>
        <source>%1: %2 of %3 training images misclassified (there is no test set)</source>
        <translation>%1：%3 張訓練影像中有 %2 張分類錯誤（沒有測試集）</translation>
    </message>
    <message>
        <source>%1: %2 of %3 wrong</source>
        <translation>%1：%3 個中錯了 %2 個</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>還有 %1 張</translation>
    </message>
    <message>
        <source>The samples of this data set are not images: there are no pictures of the mistakes to show.</source>
        <translation>這個資料集的樣本不是影像：沒有錯誤樣本的圖片可以顯示。</translation>
    </message>
    <message>
        <source>%1: no network yet.</source>
        <translation>%1：尚無網路。</translation>
    </message>
    <message>
        <source>%1 diverged: its parameters are not numbers.</source>
        <translation>%1 已發散：參數已不是有效數值。</translation>
    </message>
    <message>
        <source>sample %1: true %2, predicted %3</source>
        <translation>樣本 %1：真實 %2，預測 %3</translation>
    </message>
    <message>
        <source>largest outputs:</source>
        <translation>最大的輸出：</translation>
    </message>
    <message>
        <source>output: %1</source>
        <translation>輸出：%1</translation>
    </message>
    <message>
        <source>Misclassified samples are for classes: not for regression, whose answers are numbers.</source>
        <translation>分類錯誤的樣本是針對類別的：不適用於迴歸，迴歸的答案是數值。</translation>
    </message>
</context>
<context>
    <name>MnistDownloadDialog</name>
    <message>
        <source>Download MNIST</source>
        <translation>下載 MNIST</translation>
    </message>
    <message>
        <source>Downloading MNIST (%1 MB, kept in the cache)…</source>
        <translation>正在下載 MNIST（%1 MB，會保存在快取中）…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在連線…</translation>
    </message>
    <message>
        <source>Stop the download; the lab keeps its current data (Esc)</source>
        <translation>停止下載；實驗室保留目前的資料（Esc）</translation>
    </message>
    <message>
        <source>File %1 of %2: %3, already downloaded</source>
        <translation>第 %1 個檔案（共 %2 個）：%3，已下載</translation>
    </message>
    <message>
        <source>File %1 of %2: %3 from %4</source>
        <translation>第 %1 個檔案（共 %2 個）：%3，來自 %4</translation>
    </message>
    <message>
        <source>%1 MB of %2 MB</source>
        <translation>已下載 %1 MB，共 %2 MB</translation>
    </message>
    <message>
        <source>%1, about %2 left</source>
        <translation>%1，約剩 %2</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>quadratic</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates</extracomment>
        <translation>二次代價</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>leaky ReLU</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>線性</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>batch GD</source>
        <translation>批次梯度下降</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>mini-batch</source>
        <translation>小批次</translation>
    </message>
    <message>
        <source>digits (8×8)</source>
        <translation>手寫數字（8×8）</translation>
    </message>
    <message>
        <source>three-class toy</source>
        <translation>三類別玩具問題</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>circles</source>
        <translation>同心圓</translation>
    </message>
    <message>
        <source>gaussians</source>
        <translation>高斯群集</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>sine (regression)</source>
        <translation>正弦（迴歸）</translation>
    </message>
    <message>
        <source>step (regression)</source>
        <translation>步階（迴歸）</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>weights and biases:</source>
        <extracomment>Neurons drawn per layer at most; a larger layer shows this many and says how many it has. Lines drawn in the whole diagram at most. Between layers of which one is summarised, this many lines per shown neuron of the larger side: its strongest weights (all 144 between two columns of 12 are a grey mat). |w| / max |w| is shown in this many steps of width and opacity. Weights and biases are drawn in this grey, as a tint of it by their size. A negative weight&apos;s dashes and gaps, in pixels (whatever the line&apos;s width). The thinnest and the widest weight line, as multiples of the theme&apos;s line width. The weakest line&apos;s colour: this share of its sign&apos;s colour, the rest white. Pixels around the mouse in which a hovered line or neuron is found.</extracomment>
        <translation>權重與偏置：</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>負</translation>
    </message>
    <message>
        <source>No runs to show.</source>
        <translation>沒有可顯示的執行。</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>網路圖</translation>
    </message>
    <message>
        <source>%1: no network yet.</source>
        <translation>%1：尚無網路。</translation>
    </message>
    <message>
        <source>weights after epoch %1</source>
        <translation>第 %1 個訓練週期後的權重</translation>
    </message>
    <message>
        <source>⋮
%1 units</source>
        <translation>⋮
%1 個單元</translation>
    </message>
    <message>
        <source>input %1</source>
        <translation>輸入 %1</translation>
    </message>
    <message>
        <source>output %1 (%2)</source>
        <translation>輸出 %1（%2）</translation>
    </message>
    <message>
        <source>hidden %1 (%2)</source>
        <translation>隱藏 %1（%2）</translation>
    </message>
    <message>
        <source>%1 diverged: its parameters are not numbers.</source>
        <translation>%1 已發散：參數已不是有效數值。</translation>
    </message>
    <message>
        <source>w = %1 (layer %2, unit %3 → unit %4)</source>
        <translation>w = %1（第 %2 層，單元 %3 → 單元 %4）</translation>
    </message>
    <message>
        <source>input %1 (no bias)</source>
        <translation>輸入 %1（無偏置）</translation>
    </message>
    <message>
        <source>b = %1 (layer %2, unit %3)</source>
        <translation>b = %1（第 %2 層，單元 %3）</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>類別 %1</translation>
    </message>
    <message>
        <source>Click a weight, a bias or an input to type a new value.</source>
        <translation>點一下權重、偏置或輸入，即可輸入新的值。</translation>
    </message>
    <message>
        <source>The 3-2-3 network</source>
        <translation>3-2-3 網路</translation>
    </message>
    <message>
        <source>The new value of %1: Enter keeps it, Esc drops it.</source>
        <translation>%1 的新值：按輸入鍵保留，按 Esc 鍵放棄。</translation>
    </message>
</context>
<context>
    <name>NeuronPage</name>
    <message>
        <source>Experiment</source>
        <translation>實驗</translation>
    </message>
    <message>
        <source>Classic start</source>
        <translation>經典起點</translation>
    </message>
    <message>
        <source>w = 0.6, b = 0.9 (a = 0.82)</source>
        <translation>w = 0.6, b = 0.9 (a = 0.82)</translation>
    </message>
    <message>
        <source>w = 2, b = 2 (a = 0.98)</source>
        <translation>w = 2, b = 2 (a = 0.98)</translation>
    </message>
    <message>
        <source>Epoch %1 of %2</source>
        <translation>訓練週期 %1 / %2</translation>
    </message>
    <message>
        <source>%1: a = %2</source>
        <translation>%1：a = %2</translation>
    </message>
    <message>
        <source>%1: C = %2, a = %3</source>
        <translation>%1：C = %2, a = %3</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已發散</translation>
    </message>
    <message>
        <source>Both starts, quadratic cost (the notes&apos; figure)</source>
        <translation>兩個起點，二次代價函數（講義中的圖）</translation>
    </message>
    <message>
        <source>Both starts, both costs (four runs)</source>
        <translation>兩個起點，兩種代價函數（四次執行）</translation>
    </message>
    <message>
        <source>start %1 (w = %2, b = %3)</source>
        <translation>起點 %1（w = %2, b = %3）</translation>
    </message>
    <message>
        <source>%1, start %2 (w = %3, b = %4)</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates Each start&apos;s line style: the first solid, then dashed, dotted, dash-dotted. Each start&apos;s marker (pyqtgraph&apos;s names: circle, square, triangle, diamond) ... ... and the same marker and line style as text, for the key under the plots.</extracomment>
        <translation>%1，起點 %2（w = %3, b = %4）</translation>
    </message>
    <message>
        <source>%1, start %2</source>
        <translation>%1，起點 %2</translation>
    </message>
</context>
<context>
    <name>OutputPlot</name>
    <message>
        <source>Output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>output a</source>
        <translation>輸出 a</translation>
    </message>
    <message>
        <source>target y = %1</source>
        <translation>目標值 y = %1</translation>
    </message>
</context>
<context>
    <name>PercentAxis</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>RunControls</name>
    <message>
        <source>Training speed, from 1 epoch per second to as fast as possible</source>
        <extracomment>how many laid-out formulas are kept (a lesson shows a few dozen) A key wider than this share of the controls gets a row of its own (the timeline keeps the rest of its row). notches of the speed slider per press of − or +: 3 decades in 29 notches, so 3 notches are a factor of two</extracomment>
        <translation>訓練速度，從每秒 1 個訓練週期到盡可能快</translation>
    </message>
    <message>
        <source>Timeline: drag to show any epoch of the run</source>
        <translation>時間軸：拖曳以顯示這次執行的任一訓練週期</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>即時</translation>
    </message>
    <message>
        <source>Follow the newest epoch</source>
        <translation>跟隨最新的訓練週期</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>訓練週期</translation>
    </message>
    <message>
        <source>1000 epochs/s</source>
        <translation>1000 訓練週期/秒</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation>%1 訓練週期/秒</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>RunPicker</name>
    <message>
        <source>Run:</source>
        <translation>執行：</translation>
    </message>
</context>
<context>
    <name>SigmoidView</name>
    <message>
        <source>z = w·x + b</source>
        <extracomment>The curve counts as saturated where its slope σ′(z) is below this. |z| beyond which σ′(z) &lt; SATURATION_SLOPE (≈ 3.87).</extracomment>
        <translation>z = w·x + b</translation>
    </message>
    <message>
        <source>σ(z)</source>
        <translation>σ(z)</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>飽和區</translation>
    </message>
    <message>
        <source>The start: z₀ = w·x + b. Drag it along the curve to start from another b (w stays); the runs restart from there.</source>
        <translation>起點：z₀ = w·x + b。沿著曲線拖曳它，可從另一個 b 開始（w 不變）；各次執行會從那裡重新開始。</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起點</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>sigmoid 函數</translation>
    </message>
    <message>
        <source>target y = %1</source>
        <translation>目標值 y = %1</translation>
    </message>
    <message>
        <source>start: b = %1</source>
        <translation>起點：b = %1</translation>
    </message>
    <message>
        <source>start %1</source>
        <translation>起點 %1</translation>
    </message>
</context>
<context>
    <name>StartBar</name>
    <message>
        <source>Start:</source>
        <translation>起點：</translation>
    </message>
    <message>
        <source>w = 0.6, b = 0.9</source>
        <translation>w = 0.6, b = 0.9</translation>
    </message>
    <message>
        <source>w = 2, b = 2</source>
        <translation>w = 2, b = 2</translation>
    </message>
    <message>
        <source>A classic start, x = 1 and y = 0</source>
        <translation>經典起點，x = 1, y = 0</translation>
    </message>
    <message>
        <source>Open the neuron lesson at this start</source>
        <translation>以此起點開啟神經元課程</translation>
    </message>
    <message>
        <source>Train a neuron from this start in the one-neuron lesson, both costs side by side</source>
        <translation>在單一神經元課程中從這個起點訓練神經元，兩種代價函數並排比較</translation>
    </message>
</context>
<context>
    <name>StepFormulas</name>
    <message>
        <source>Formulas</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates From roomy to compact: the share of the theme&apos;s size the step is set at. The first that fits its place without scrolling is taken: larger where there is room (a full-HD screen), smaller down to the last, and beyond that it scrolls. Not below 0.8: smaller type (8 px on a 1024-pixel screen) cannot be read from the back of a room. Sizes relative to the theme&apos;s font: the words, the note, the formulas of a step and those with the start&apos;s numbers. A formula is shrunk to fit down to this width (pixels), and cut beyond. The step is set smaller rather than shrink a formula below this share of its size. Between the lead, the formulas and the note, in line heights.</extracomment>
        <translation>公式</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>步驟 %1：%2</translation>
    </message>
</context>
<context>
    <name>StepPlotView</name>
    <message>
        <source>Plot</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates A tangent reaches this share of the x range either side of its point, or less where it is steep: at most this share of the y range.</extracomment>
        <translation>圖表</translation>
    </message>
</context>
<context>
    <name>SurfaceView</name>
    <message>
        <source>Click a map to start both runs from that (w, b).</source>
        <translation>在圖上點一下，讓兩次執行都從該處的 (w, b) 開始。</translation>
    </message>
    <message>
        <source>w</source>
        <translation>w</translation>
    </message>
    <message>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <source>No runs to show.</source>
        <translation>沒有可顯示的執行。</translation>
    </message>
    <message>
        <source>Cost surface C(w, b)</source>
        <translation>代價曲面 C(w, b)</translation>
    </message>
    <message>
        <source>Click a map to move the first start to that (w, b).</source>
        <translation>在圖上點一下，把第一個起點移到該處的 (w, b)。</translation>
    </message>
</context>
<context>
    <name>TimingView</name>
    <message>
        <source>time for 10⁶ values (ms)</source>
        <translation>處理 10⁶ 個值的時間（毫秒）</translation>
    </message>
    <message>
        <source>Time of f(z) and f′(z) on this computer</source>
        <translation>這台電腦上 f(z) 與 f′(z) 的計算時間</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>尚未測量</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在測量…</translation>
    </message>
</context>
<context>
    <name>XorView</name>
    <message>
        <source>XOR: one straight cut leaves a corner on the wrong side</source>
        <translation>XOR：一條直線總會把一個角分到錯誤的一側</translation>
    </message>
    <message>
        <source>wrong side</source>
        <translation>錯誤的一側</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>類別 %1</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>column %1 (%2)</source>
        <translation>第 %1 欄（%2）</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 欄</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>%1, byte %2 of the decompressed data: %3</source>
        <translation>%1，解壓縮後資料的位元組 %2：%3</translation>
    </message>
    <message>
        <source>%1, byte %2: %3</source>
        <translation>%1，位元組 %2：%3</translation>
    </message>
    <message>
        <source>%1: file not found (looked for %2)</source>
        <translation>%1：找不到檔案（尋找的位置：%2）</translation>
    </message>
    <message>
        <source>%1: expected a file, found a directory (%2)</source>
        <translation>%1：預期是檔案，但找到的是資料夾（%2）</translation>
    </message>
    <message>
        <source>expected a file, found a directory</source>
        <translation>預期是檔案，但找到的是資料夾</translation>
    </message>
    <message>
        <source>%1: cannot read it: %2 (%3)</source>
        <translation>%1：無法讀取：%2（%3）</translation>
    </message>
    <message>
        <source>a line longer than %1</source>
        <translation>長度超過 %1 的一行</translation>
    </message>
    <message>
        <source>quotes, control characters or other than ASCII</source>
        <translation>引號、控制字元或非 ASCII 字元</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>沒有資料</translation>
    </message>
    <message>
        <source>the first row</source>
        <translation>無法使用的第一列</translation>
    </message>
    <message>
        <source>more rows than lines</source>
        <translation>列數多於行數</translation>
    </message>
    <message>
        <source>a cell that is not a number, or a row of other length</source>
        <translation>不是數字的儲存格，或欄數不同的列</translation>
    </message>
    <message>
        <source>a number that is not finite</source>
        <translation>不是有限值的數字</translation>
    </message>
    <message>
        <source>no data rows</source>
        <translation>沒有資料列</translation>
    </message>
    <message>
        <source>expected plain lines of numbers in a file of more than %1, found %2 in the lines from here</source>
        <translation>超過 %1 的檔案應只包含單純的數字行，但從這一行起發現：%2</translation>
    </message>
    <message>
        <source>expected UTF-8 text, found byte %1 (byte offset %2)</source>
        <translation>預期是 UTF-8 文字，但找到位元組 %1（位元組偏移 %2）</translation>
    </message>
    <message>
        <source>expected a header or data row, found an empty file</source>
        <translation>預期是標題列或資料列，但檔案是空的</translation>
    </message>
    <message>
        <source>expected a well-formed CSV row, found: %1</source>
        <translation>預期是格式正確的 CSV 列，但找到：%1</translation>
    </message>
    <message>
        <source>expected a header or data row, found only empty cells</source>
        <translation>預期是標題列或資料列，但只找到空白的儲存格</translation>
    </message>
    <message>
        <source>expected at least %1 columns (features and a label) separated by commas, tabs or semicolons, found %2</source>
        <translation>預期至少有 %1 欄（特徵與一個標籤），以逗號、Tab 或分號分隔，但只找到 %2 欄</translation>
    </message>
    <message>
        <source>expected label_column between %1 and %2 for %3 columns, found %4</source>
        <translation>檔案共有 %3 欄，label_column 應介於 %1 與 %2 之間，但找到 %4</translation>
    </message>
    <message>
        <source>expected data rows after the header on line %1, found none</source>
        <translation>預期第 %1 行的標題列之後有資料列，但一列也沒有</translation>
    </message>
    <message>
        <source>expected %1 columns (as in the header, line %2), found %3</source>
        <translation>預期有 %1 欄（與第 %2 行的標題列相同），但找到 %3 欄</translation>
    </message>
    <message>
        <source>expected %1 columns (as in the first row, line %2), found %3</source>
        <translation>預期有 %1 欄（與第 %2 行的第一列相同），但找到 %3 欄</translation>
    </message>
    <message>
        <source>expected a label in %1, found an empty cell</source>
        <translation>預期 %1 中有標籤，但該儲存格是空的</translation>
    </message>
    <message>
        <source>expected a number in %1, found an empty cell</source>
        <translation>預期 %1 中是數字，但該儲存格是空的</translation>
    </message>
    <message>
        <source>expected a number in %1, found %2</source>
        <translation>預期 %1 中是數字，但找到 %2</translation>
    </message>
    <message>
        <source>expected a finite number in %1, found %2</source>
        <translation>預期 %1 中是有限的數字，但找到 %2</translation>
    </message>
    <message>
        <source>expected at most %1 different labels (classes) in %2, found %3</source>
        <translation>預期 %2 中最多有 %1 個不同的標籤（類別），但找到 %3 個</translation>
    </message>
    <message>
        <source>expected at least %1 different labels in %2, found only %3 on every data line (%4 to %5)</source>
        <translation>預期 %2 中至少有 %1 個不同的標籤，但每一行資料（第 %4 到 %5 行）都只有 %3</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; (allowed: %2; did you mean &apos;%3&apos;?)</source>
        <translation>未知的鍵 &apos;%1&apos;（可用的鍵：%2；是否是指 &apos;%3&apos;？）</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; (allowed: %2)</source>
        <translation>未知的鍵 &apos;%1&apos;（可用的鍵：%2）</translation>
    </message>
    <message>
        <source>a finite number</source>
        <translation>有限的數值</translation>
    </message>
    <message>
        <source>a finite number &gt;= %1</source>
        <translation>不小於 %1 的有限數值</translation>
    </message>
    <message>
        <source>a finite number &gt; %1</source>
        <translation>大於 %1 的有限數值</translation>
    </message>
    <message>
        <source>a finite number &lt;= %1</source>
        <translation>不大於 %1 的有限數值</translation>
    </message>
    <message>
        <source>a finite number &lt; %1</source>
        <translation>小於 %1 的有限數值</translation>
    </message>
    <message>
        <source>a finite number &gt;= %1 and &lt;= %2</source>
        <translation>%1 到 %2 之間的有限數值</translation>
    </message>
    <message>
        <source>a finite number &gt;= %1 and &lt; %2</source>
        <translation>不小於 %1 且小於 %2 的有限數值</translation>
    </message>
    <message>
        <source>a finite number &gt; %1 and &lt;= %2</source>
        <translation>大於 %1 且不大於 %2 的有限數值</translation>
    </message>
    <message>
        <source>a finite number &gt; %1 and &lt; %2</source>
        <translation>大於 %1 且小於 %2 的有限數值</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之間的整數</translation>
    </message>
    <message>
        <source>a whole number &gt;= %1</source>
        <translation>不小於 %1 的整數</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整數</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>%1 其中之一</translation>
    </message>
    <message>
        <source>must be %1</source>
        <translation>必須是 %1</translation>
    </message>
    <message>
        <source>%1 (write it without a decimal point)</source>
        <translation>%1（請不要寫小數點）</translation>
    </message>
    <message>
        <source>%1 (write it without quotes)</source>
        <translation>%1（請不要加引號）</translation>
    </message>
    <message>
        <source>a hidden layer size %1</source>
        <translation>隱藏層的大小%1</translation>
    </message>
    <message>
        <source>an input or output layer size %1</source>
        <translation>輸入層或輸出層的大小%1</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>必須是 %1 其中之一</translation>
    </message>
    <message>
        <source>%1 (each at most once)</source>
        <translation>%1（每個最多只能出現一次）</translation>
    </message>
    <message>
        <source>a file path in double quotes (relative paths start from the experiment file&apos;s folder)</source>
        <translation>以雙引號括住的檔案路徑（相對路徑從實驗檔案所在的資料夾算起）</translation>
    </message>
    <message>
        <source>a string in double quotes</source>
        <translation>以雙引號括住的字串</translation>
    </message>
    <message>
        <source>a list of %1 to %2 layer sizes, input first and output last</source>
        <translation>由 %1 到 %2 個層大小組成的清單，輸入層在前、輸出層在後</translation>
    </message>
    <message>
        <source>one of %1, or a list with one of them per hidden layer</source>
        <translation>%1 其中之一，或每個隱藏層各指定一個的清單</translation>
    </message>
    <message>
        <source>a non-empty list of different names from %1</source>
        <translation>由 %1 中不重複的名稱組成的非空清單</translation>
    </message>
    <message>
        <source>a number of epochs per second from %1 to %2, or &quot;max&quot; for as fast as possible</source>
        <translation>每秒 %1 到 %2 個訓練週期的數值，或代表盡可能快的 &quot;max&quot;</translation>
    </message>
    <message>
        <source>a list of %1 to %2 different values, one run each</source>
        <translation>由 %1 到 %2 個不同的值組成的清單，每個值各執行一次</translation>
    </message>
    <message>
        <source>must be a table, written [%1] on its own line</source>
        <translation>必須是表格，在獨立的一行寫成 [%1]</translation>
    </message>
    <message>
        <source>an experiment must be a table of keys, not %1</source>
        <translation>實驗必須是由鍵組成的表格，而不是 %1</translation>
    </message>
    <message>
        <source>missing key &apos;schema&apos; (write schema = %1 as the first line)</source>
        <translation>缺少鍵 &apos;schema&apos;（請在第一行寫上 schema = %1）</translation>
    </message>
    <message>
        <source>this nnlab reads schema %1</source>
        <translation>這個版本的 nnlab 讀取的是 schema %1</translation>
    </message>
    <message>
        <source>must be a single line</source>
        <translation>必須只有一行</translation>
    </message>
    <message>
        <source>section [%1] is not used with kind = &quot;%2&quot; (kind = &quot;%2&quot; uses %3; [%1] belongs to kind = &quot;%4&quot;)</source>
        <translation>區段 [%1] 不適用於 kind = &quot;%2&quot;（kind = &quot;%2&quot; 使用 %3；[%1] 屬於 kind = &quot;%4&quot;）</translation>
    </message>
    <message>
        <source>only used with kind = &quot;network&quot; (a single neuron learns one sample by plain gradient descent)</source>
        <translation>只用於 kind = &quot;network&quot;（單一神經元以一般的梯度下降學習一個樣本）</translation>
    </message>
    <message>
        <source>data.dataset = &quot;csv&quot; needs data.path, the CSV file (relative to the experiment file&apos;s folder)</source>
        <translation>data.dataset = &quot;csv&quot; 需要 data.path，也就是 CSV 檔案（相對於實驗檔案所在的資料夾）</translation>
    </message>
    <message>
        <source>data.dataset = &quot;idx&quot; needs data.images and data.labels, the IDX image and label files (missing: %1)</source>
        <translation>data.dataset = &quot;idx&quot; 需要 data.images 和 data.labels，也就是 IDX 影像檔與標籤檔（缺少：%1）</translation>
    </message>
    <message>
        <source>needs one activation per hidden layer, and network.layers = %1 has %2</source>
        <translation>每個隱藏層需要一個激勵函數，而 network.layers = %1 有 %2 個隱藏層</translation>
    </message>
    <message>
        <source>not used with compare.setting = &quot;cost&quot;, the default (the runs are then the names in training.costs); set compare.setting to what the runs differ in</source>
        <translation>在 compare.setting = &quot;cost&quot;（預設值）時不使用（此時各次執行就是 training.costs 中的名稱）；請將 compare.setting 設為各次執行之間不同的設定</translation>
    </message>
    <message>
        <source>names from %1</source>
        <translation>%1 中的名稱</translation>
    </message>
    <message>
        <source>learning rates &gt; %1 and &lt;= %2</source>
        <translation>大於 %1 且不大於 %2 的學習率</translation>
    </message>
    <message>
        <source>must be a list of %1 to %2 different %3, one run each</source>
        <translation>必須是由 %1 到 %2 個不同的%3組成的清單，每個各執行一次</translation>
    </message>
    <message>
        <source>compare.setting = &quot;%1&quot; needs compare.values, a list of %2 to %3 different %4, one run each</source>
        <translation>compare.setting = &quot;%1&quot; 需要 compare.values，也就是由 %2 到 %3 個不同的%4組成的清單，每個各執行一次</translation>
    </message>
    <message>
        <source>learning rates must differ in their first %1 significant digits (each run is named by its rate)</source>
        <translation>各學習率的前 %1 位有效數字必須不同（每次執行都以其學習率命名）</translation>
    </message>
    <message>
        <source>must name exactly one cost when compare.setting = &quot;%1&quot; (the runs differ in compare.values instead)</source>
        <translation>當 compare.setting = &quot;%1&quot; 時，必須只指定一個代價函數（各次執行改以 compare.values 區分）</translation>
    </message>
    <message>
        <source>needs training.batch_size, the number of samples in each mini-batch</source>
        <translation>需要 training.batch_size，也就是每個小批次的樣本數</translation>
    </message>
    <message>
        <source>has no hidden layer, so compare.setting = &quot;hidden_activation&quot; has nothing to vary (add a hidden layer, e.g. %1)</source>
        <translation>沒有隱藏層，所以 compare.setting = &quot;hidden_activation&quot; 沒有可以改變的對象（請加入隱藏層，例如 %1）</translation>
    </message>
    <message>
        <source>%1: not valid TOML: %2</source>
        <translation>%1：不是有效的 TOML：%2</translation>
    </message>
    <message>
        <source>%1: not valid TOML for nnlab: arrays or inline tables nested too deeply</source>
        <translation>%1：不是 nnlab 可用的 TOML：陣列或行內表格的巢狀層次太深</translation>
    </message>
    <message>
        <source>%1: not valid TOML for nnlab: a whole number with more than %2 digits</source>
        <translation>%1：不是 nnlab 可用的 TOML：有超過 %2 位數的整數</translation>
    </message>
    <message>
        <source>%1: cannot read experiment file: %2</source>
        <translation>%1：無法讀取實驗檔案：%2</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text: line %2 has a byte that is not UTF-8 (byte offset %3); save the file as UTF-8</source>
        <translation>%1：不是 UTF-8 文字：第 %2 行有不屬於 UTF-8 的位元組（位元組偏移 %3）；請將檔案儲存為 UTF-8</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation>具名管道</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>字元裝置</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>區塊裝置</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>通訊端（socket）</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 位元組</translation>
    </message>
    <message>
        <source>a regular file</source>
        <translation>一般檔案</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>非一般檔案</translation>
    </message>
    <message>
        <source>it is %1, not a file</source>
        <translation>這是%1，不是檔案</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>這不是一般檔案</translation>
    </message>
    <message>
        <source>it is more than the %1 nnlab reads</source>
        <translation>超過 nnlab 可讀取的上限 %1</translation>
    </message>
    <message>
        <source>it is %1, more than the %2 nnlab reads</source>
        <translation>檔案大小為 %1，超過 nnlab 可讀取的上限 %2</translation>
    </message>
    <message>
        <source>it is %1, more than an IDX file of at most %2 of data can be</source>
        <translation>檔案大小為 %1，超過資料量最多 %2 的 IDX 檔案可能的大小</translation>
    </message>
    <message>
        <source>expected more gzip data, found the end of the file (truncated download?)</source>
        <translation>預期還有更多 gzip 資料，但已到檔案結尾（下載不完整？）</translation>
    </message>
    <message>
        <source>expected a gzip stream (the file starts with 1f 8b), but it cannot be decompressed: %1</source>
        <translation>預期是 gzip 資料流（檔案以 1f 8b 開頭），但無法解壓縮：%1</translation>
    </message>
    <message>
        <source>expected IDX magic %1 (%2), found only %3 bytes</source>
        <translation>預期 IDX 魔術數字 %1（%2），但只找到 %3 個位元組</translation>
    </message>
    <message>
        <source>expected IDX magic %1 (%2), found %3</source>
        <translation>預期 IDX 魔術數字 %1（%2），但找到 %3</translation>
    </message>
    <message>
        <source>expected IDX magic %1 (%2), found %3 (that is an IDX label file)</source>
        <translation>預期 IDX 魔術數字 %1（%2），但找到 %3（這是 IDX 標籤檔）</translation>
    </message>
    <message>
        <source>expected IDX magic %1 (%2), found %3 (that is an IDX image file)</source>
        <translation>預期 IDX 魔術數字 %1（%2），但找到 %3（這是 IDX 影像檔）</translation>
    </message>
    <message>
        <source>expected IDX magic %1 (%2), found %3 (an IDX file of another element type; only unsigned bytes, 0x08, are supported)</source>
        <translation>預期 IDX 魔術數字 %1（%2），但找到 %3（這是其他元素型別的 IDX 檔案；只支援無號位元組 0x08）</translation>
    </message>
    <message>
        <source>expected a %1-byte header (%2 dimension sizes after the magic number), found the end of the file</source>
        <translation>預期有 %1 位元組的標頭（魔術數字之後的 %2 個維度大小），但已到檔案結尾</translation>
    </message>
    <message>
        <source>expected a positive size for dimension %1, found 0</source>
        <translation>預期第 %1 維的大小為正數，但找到 0</translation>
    </message>
    <message>
        <source>expected at most %1 of data, found a header announcing %2 = %3 bytes</source>
        <translation>預期資料最多 %1，但標頭宣告了 %2 = %3 位元組</translation>
    </message>
    <message>
        <source>expected %1 data bytes (%2) after the %3-byte header, found the end of the file after %4</source>
        <translation>預期在 %3 位元組的標頭之後有 %1 個資料位元組（%2），但在 %4 個位元組之後就到了檔案結尾</translation>
    </message>
    <message>
        <source>expected the end of the file after %1 data bytes (%2), found at least %3 more bytes</source>
        <translation>預期在 %1 個資料位元組（%2）之後就是檔案結尾，但還多出至少 %3 個位元組</translation>
    </message>
    <message>
        <source>expected the end of the file after %1 data bytes (%2), found %3 more bytes</source>
        <translation>預期在 %1 個資料位元組（%2）之後就是檔案結尾，但還多出 %3 個位元組</translation>
    </message>
    <message>
        <source>unsigned-byte images: count, rows, columns</source>
        <translation>無號位元組影像：張數、列數、欄數</translation>
    </message>
    <message>
        <source>unsigned-byte labels: count</source>
        <translation>無號位元組標籤：數量</translation>
    </message>
    <message>
        <source>%1, byte %2: expected %3 labels, one per image in %4, found %5</source>
        <translation>%1，位元組 %2：預期有 %3 個標籤（%4 中每張影像一個），但找到 %5 個</translation>
    </message>
    <message>
        <source>%1, byte %2: expected at least %3 different labels, found only %4 in all %5</source>
        <translation>%1，位元組 %2：預期至少有 %3 個不同的標籤，但全部 %5 個標籤都是 %4</translation>
    </message>
    <message>
        <source>test_fraction %1 leaves no training samples out of %2</source>
        <translation>test_fraction %1 會使 %2 個樣本中沒有任何訓練樣本</translation>
    </message>
    <message>
        <source>%1 = %2: %3</source>
        <extracomment>The lesson&apos;s two classic starts for x = 1, y = 0: a mild one (z = 1.5, a = 0.818) and a saturated one (z = 4, a = 0.982), as in the presets neuron-0.6-0.9 and neuron-2-2. The outputs the curves over a are drawn at: (0, 1) without its ends, where ln a, ln(1 − a) and 1/(a(1 − a)) are infinite. Closer to the ends near 0 and 1, where they turn. One output unit reads as class 1 from this output up (a sigmoid&apos;s midpoint, z = 0). Parameters read for a fingerprint (see :func:`parameters_fingerprint`).</extracomment>
        <translation>%1 = %2：%3</translation>
    </message>
    <message>
        <source>no folder given (an empty path)</source>
        <translation>未指定資料夾（路徑是空的）</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation>%1 是檔案，不是資料夾</translation>
    </message>
    <message>
        <source>%1 is a loop of symbolic links (it never reaches a folder)</source>
        <translation>%1 是符號連結的迴圈（永遠無法到達資料夾）</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to %2, which does not exist</source>
        <translation>%1 是指向 %2 的符號連結，但 %2 不存在</translation>
    </message>
    <message>
        <source>no folder can be made in %1 (%2)</source>
        <translation>無法在 %1 中建立資料夾（%2）</translation>
    </message>
    <message>
        <source>it exists and is not a folder</source>
        <translation>它已存在，而且不是資料夾</translation>
    </message>
    <message>
        <source>%1: these settings need about %2 of memory (layers %3, %4 samples, %5 runs, %6 epochs), more than the %7 nnlab may use on this machine (half its memory): use fewer or smaller layers, fewer samples or fewer runs</source>
        <extracomment>The logarithms the cross-entropy may be taken in: &quot;e&quot; (ln, note 002) or &quot;2&quot; (note 001). How far a row of outputs may sum from 1 and still count as a probability distribution: typed decimals such as 0.1 + 0.2 + 0.7 sum to 0.9999999999999999. Note 002&apos;s example: three samples of three classes, their one-hot targets, and each model&apos;s softmax outputs. Both models are wrong on the third sample only; model 2 is less wrong.</extracomment>
        <translation>%1：這些設定約需 %2 的記憶體（各層 %3、%4 個樣本、%5 次執行、%6 個訓練週期），超過 nnlab 在這台電腦上可使用的 %7（記憶體的一半）：請減少層數或縮小各層，或減少樣本數或執行次數</translation>
    </message>
    <message>
        <source>diverged at epoch %1: w = %2, b = %3</source>
        <translation>在第 %1 個訓練週期發散：w = %2, b = %3</translation>
    </message>
    <message>
        <source>unknown preset %1 (available: none installed)</source>
        <translation>未知的範例 %1（可用的範例：未安裝任何範例）</translation>
    </message>
    <message>
        <source>unknown preset %1 (available: %2)</source>
        <translation>未知的範例 %1（可用的範例：%2）</translation>
    </message>
    <message>
        <source>%1: [data] dataset = &quot;%2&quot;: %3</source>
        <translation>%1：[data] dataset = &quot;%2&quot;：%3</translation>
    </message>
    <message>
        <source>%1: network.layers = %2: dataset &quot;%3&quot; has %4 inputs and %5 classes, so the first layer must be %4 and the last %5 (e.g. %6)</source>
        <translation>%1：network.layers = %2：資料集「%3」有 %4 個輸入和 %5 個類別，所以第一層必須是 %4、最後一層必須是 %5（例如 %6）</translation>
    </message>
    <message>
        <source>%1: compare.setting = %2: cannot be compared</source>
        <translation>%1：compare.setting = %2：無法比較</translation>
    </message>
    <message>
        <source>a parameter became %1</source>
        <translation>某個參數變成了 %1</translation>
    </message>
    <message>
        <source>diverged at epoch %1: %2 (learning rate %3 may be too large)</source>
        <translation>在第 %1 個訓練週期發散：%2（學習率 %3 可能太大）</translation>
    </message>
    <message>
        <source>the training cost became %1</source>
        <translation>訓練集的代價變成了 %1</translation>
    </message>
    <message>
        <source>the gradient of layer %1 became %2</source>
        <translation>第 %1 層的梯度變成了 %2</translation>
    </message>
    <message>
        <source>ended by signal %1, %2</source>
        <translation>被訊號 %1 %2 終止</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>結束代碼 %1</translation>
    </message>
    <message>
        <source>Training stopped: the training process failed: %1</source>
        <extracomment>training stopped because its process failed or ended (a core Message saying why); the rows so far are kept and the session is &quot;idle&quot; the preset a session starts with when given no experiment</extracomment>
        <translation>訓練已停止：訓練程序發生錯誤：%1</translation>
    </message>
    <message>
        <source>Training stopped: the training process ended unexpectedly (%1).</source>
        <translation>訓練已停止：訓練程序意外結束（%1）。</translation>
    </message>
    <message>
        <source>must be a start [w, b]: a list of two finite numbers, the weight and the bias</source>
        <translation>必須是一個起點 [w, b]：由兩個有限數值組成的清單，也就是權重與偏置</translation>
    </message>
    <message>
        <source>a list of %1 to %2 different starts [w, b], each two finite numbers</source>
        <translation>由 %1 到 %2 個不同起點 [w, b] 組成的清單，每個起點為兩個有限數值</translation>
    </message>
    <message>
        <source>not used with kind = &quot;neuron&quot;: a neuron experiment lists its starts in neuron.starts, e.g. %1, one run per start and cost</source>
        <translation>不適用於 kind = &quot;neuron&quot;：神經元實驗在 neuron.starts 中列出各個起點，例如 %1，每個起點與每種代價函數的組合各執行一次</translation>
    </message>
    <message>
        <source>not used with neuron.starts, which gives the w and b of every start (write this start in neuron.starts, or leave neuron.starts out)</source>
        <translation>使用 neuron.starts 時不適用：neuron.starts 已列出每個起點的 w 與 b（請把這個起點寫進 neuron.starts，或拿掉 neuron.starts）</translation>
    </message>
    <message>
        <source>%1 starts × %2 costs (training.costs) make %3 runs, more than the %4 a neuron experiment shows side by side: list fewer starts, or one cost</source>
        <translation>%1 個起點 × %2 種代價函數（training.costs）共 %3 次執行，超過神經元實驗可並排顯示的 %4 次：請減少起點數，或只用一種代價函數</translation>
    </message>
    <message>
        <source>cross-entropy needs outputs between 0 and 1 (sigmoid or softmax); a linear output is trained with the quadratic cost, the mean squared error</source>
        <translation>交叉熵需要介於 0 與 1 之間的輸出（sigmoid 或 softmax）；線性輸出要以二次代價函數（也就是均方誤差）訓練</translation>
    </message>
    <message>
        <source>expected a regression file of at most %1, found %2</source>
        <translation>預期迴歸檔案最大為 %1，但找到 %2</translation>
    </message>
    <message>
        <source>an empty cell</source>
        <translation>空白的儲存格</translation>
    </message>
    <message>
        <source>expected a finite number to learn in %1 (data.task = &quot;regression&quot;), found %2</source>
        <translation>預期 %1 中是有限的待學習數值（data.task = &quot;regression&quot;），但找到 %2</translation>
    </message>
    <message>
        <source>data.dataset = &quot;%1&quot; has classes, not numbers to learn: regression needs the sine or step data, or a CSV file whose label column holds numbers</source>
        <translation>data.dataset = &quot;%1&quot; 的資料是類別，而不是待學習數值：迴歸需要正弦或步階資料，或是標籤欄為數值的 CSV 檔案</translation>
    </message>
    <message>
        <source>data.dataset = &quot;%1&quot; has numbers to learn, not classes: write task = &quot;regression&quot; (or leave task out)</source>
        <translation>data.dataset = &quot;%1&quot; 的資料是待學習數值，而不是類別：請寫 task = &quot;regression&quot;（或省略 task）</translation>
    </message>
    <message>
        <source>must be &quot;linear&quot; for regression (data.task = &quot;regression&quot;): a sigmoid or softmax output stays between 0 and 1, a linear output reaches any number</source>
        <translation>迴歸（data.task = &quot;regression&quot;）時必須是 &quot;linear&quot;：sigmoid 或 softmax 輸出一直介於 0 與 1 之間，線性輸出才能取任意數值</translation>
    </message>
    <message>
        <source>is for regression (data.task = &quot;regression&quot;); classes need outputs between 0 and 1: sigmoid or softmax</source>
        <translation>用於迴歸（data.task = &quot;regression&quot;）；分類需要介於 0 與 1 之間的輸出：sigmoid 或 softmax</translation>
    </message>
    <message>
        <source>cross-entropy needs outputs between 0 and 1 (sigmoid or softmax); a linear output (network.output = &quot;linear&quot;) is trained with the quadratic cost, the mean squared error: write costs = [&quot;quadratic&quot;]</source>
        <translation>交叉熵需要介於 0 與 1 之間的輸出（sigmoid 或 softmax）；線性輸出（network.output = &quot;linear&quot;）要以二次代價函數（也就是均方誤差）訓練：請寫 costs = [&quot;quadratic&quot;]</translation>
    </message>
    <message>
        <source>%1: data.task = &quot;%2&quot;: the targets of dataset &quot;%3&quot; are for task = &quot;%4&quot;</source>
        <translation>%1：data.task = &quot;%2&quot;：資料集「%3」的目標值適用於 task = &quot;%4&quot;</translation>
    </message>
    <message>
        <source>%1: network.layers = %2: dataset &quot;%3&quot; has inputs: %4, numbers to learn: %5; so the first layer must be %4 and the last %5 (e.g. %6)</source>
        <translation>%1：network.layers = %2：資料集「%3」有 %4 個輸入、%5 個待學習數值，所以第一層必須是 %4、最後一層必須是 %5（例如 %6）</translation>
    </message>
    <message>
        <source>MNIST is not downloaded yet: get it with %1 on the command line, or from the lab&apos;s list of data sets; %2 works offline with 5,000 of its images</source>
        <extracomment>``evaluate(run, parameters)``, a module-level function of core, or None: what the training process computes of each run&apos;s newest parameters for every batch The hidden activations, in the order the lesson shows them. A slope below this is saturated: a gradient through the unit shrinks more than 50 times. The z range the lesson&apos;s curves span, and how many points it samples there (odd: z = 0 is one of them, where σ′ and tanh′ are largest). A slope&apos;s largest value is looked for on this range, finely sampled (z = 0 among the points): every activation here reaches its largest slope at or right of 0. Bisection refines a boundary of a saturated interval to this width in z; the boundary is then rounded to BOUNDARY_DECIMALS (ReLU&apos;s jump lands on 0, not on 3 × 10⁻¹³). How many values each function is timed on. How many times each is run; the fastest counts. weight name → (layer, unit it leads into, unit or input it carries): Network&apos;s W_layer[j, k] bias name → (layer, unit): Network&apos;s b_layer[j] weight name → (the unit or input it carries, the unit it leads into) bias name → its unit The step of the finite differences: small enough that the error of the central difference (about h²·ℒ‴/6) is far below 10⁻⁸, large enough that rounding (about 10⁻¹⁶·ℒ/h) is too. What may be typed: a weight, bias or input, and the learning rate. The lesson&apos;s data and how the methods train on it (the preset&apos;s data and learning rate). the methods of note 001, in its order, and their batch size (None: the whole set) The lesson&apos;s start: weights and biases small and of both signs, the sample x = (1, 0.5, −0.5) of class 1, η = 0.5 (the preset&apos;s learning rate).</extracomment>
        <translation>MNIST 還沒有下載：請在命令列執行 %1 取得，或從實驗室的資料集清單下載；%2 可離線使用，含其中的 5,000 張影像</translation>
    </message>
    <message>
        <source>test_images and test_labels go together (the test set&apos;s image and label files); only %1 was given</source>
        <translation>test_images 與 test_labels 必須一起提供（也就是測試集的影像檔與標籤檔）；只提供了 %1</translation>
    </message>
    <message>
        <source>test_fraction = %1 is not used with test_images and test_labels (the test set is those files); leave test_fraction out</source>
        <translation>提供 test_images 與 test_labels 時不使用 test_fraction = %1（測試集就是這兩個檔案）；請省略 test_fraction</translation>
    </message>
    <message>
        <source>%1, byte %2: expected images of %3 pixels like those of %4 (%5 x %6), found %7 x %8</source>
        <translation>%1，位元組 %2：預期影像與 %4 中的相同，為 %3 像素（%5 × %6），但找到 %7 × %8</translation>
    </message>
    <message>
        <source>train_samples = %1: the training set of %2 has only %3 samples</source>
        <translation>train_samples = %1：%2 的訓練集只有 %3 個樣本</translation>
    </message>
    <message>
        <source>a list of learning rates, one per name in training.costs, each as training.learning_rate allows</source>
        <translation>由學習率組成的清單，training.costs 中的每個名稱各對應一個，每個學習率的允許範圍與 training.learning_rate 相同</translation>
    </message>
    <message>
        <source>only used with data.dataset = &quot;idx&quot; (a test set in IDX files of its own); data.dataset = &quot;%1&quot;</source>
        <translation>只用於 data.dataset = &quot;idx&quot;（以另外的 IDX 檔案作為測試集）；目前 data.dataset = &quot;%1&quot;</translation>
    </message>
    <message>
        <source>needs data.%1 too: the test set&apos;s images and labels come as a pair of IDX files</source>
        <translation>還需要 data.%1：測試集的影像與標籤是成對的兩個 IDX 檔案</translation>
    </message>
    <message>
        <source>data.test_images and data.test_labels are the test set</source>
        <translation>data.test_images 與 data.test_labels 就是測試集</translation>
    </message>
    <message>
        <source>data.dataset = &quot;mnist&quot; has its official test set of 10,000 images</source>
        <translation>data.dataset = &quot;mnist&quot; 有自己的官方測試集（10,000 張影像）</translation>
    </message>
    <message>
        <source>not used here: %1; leave test_fraction out</source>
        <translation>這裡不使用：%1；請省略 test_fraction</translation>
    </message>
    <message>
        <source>only used with data.dataset = &quot;mnist&quot; or &quot;idx&quot; (the first that many training images); data.dataset = &quot;%1&quot;</source>
        <translation>只用於 data.dataset = &quot;mnist&quot; 或 &quot;idx&quot;（取前面這麼多張訓練影像）；目前 data.dataset = &quot;%1&quot;</translation>
    </message>
    <message>
        <source>only used with compare.setting = &quot;cost&quot;, the default (one learning rate per cost); compare.setting = &quot;%1&quot; varies compare.values instead</source>
        <translation>只用於 compare.setting = &quot;cost&quot;（預設值，每種代價函數各用一個學習率）；compare.setting = &quot;%1&quot; 時各次執行改以 compare.values 區分</translation>
    </message>
    <message>
        <source>must be a list of %1 learning rates, one per name in training.costs = %2, in the same order</source>
        <translation>必須是由 %1 個學習率組成的清單，依序與 training.costs = %2 中的名稱一一對應</translation>
    </message>
    <message>
        <source>SHA-256 mismatch: expected %1, got %2</source>
        <translation>SHA-256 不符：預期為 %1，實際為 %2</translation>
    </message>
    <message>
        <source>cannot import MNIST from %1: it is not a folder</source>
        <translation>無法從 %1 匯入 MNIST：它不是資料夾</translation>
    </message>
    <message>
        <source>mirror %1: expected an http:// or https:// address of a folder</source>
        <translation>鏡像站 %1：預期是某個資料夾的 http:// 或 https:// 網址</translation>
    </message>
    <message>
        <source>no mirror to download from</source>
        <translation>沒有可供下載的鏡像站</translation>
    </message>
    <message>
        <source>cannot write to the cache folder %1: %2</source>
        <translation>無法寫入快取資料夾 %1：%2</translation>
    </message>
    <message>
        <source>not enough free space (%1 bytes needed, %2 free)</source>
        <translation>可用空間不足（需要 %1 位元組，可用 %2 位元組）</translation>
    </message>
    <message>
        <source>cannot write %1 to the cache folder %2: %3</source>
        <translation>無法將 %1 寫入快取資料夾 %2：%3</translation>
    </message>
    <message>
        <source>cannot download %1 from %2: %3</source>
        <translation>無法從 %2 下載 %1：%3</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>cannot download %1 from any of the %2 mirrors: %3</source>
        <translation>無法從 %2 個鏡像站中的任何一個下載 %1：%3</translation>
    </message>
    <message>
        <source>it redirects to %1, which is not an http or https address</source>
        <translation>它重新導向到 %1，但這不是 http 或 https 網址</translation>
    </message>
    <message>
        <source>timed out after %1 s with no data</source>
        <translation>%1 秒內沒有收到任何資料，已逾時</translation>
    </message>
    <message>
        <source>cannot connect: connection refused</source>
        <translation>無法連線：連線遭到拒絕</translation>
    </message>
    <message>
        <source>cannot connect: server name not found (no network?)</source>
        <translation>無法連線：找不到伺服器名稱（沒有連上網路？）</translation>
    </message>
    <message>
        <source>secure connection failed: %1</source>
        <translation>安全連線失敗：%1</translation>
    </message>
    <message>
        <source>cannot connect: %1</source>
        <translation>無法連線：%1</translation>
    </message>
    <message>
        <source>HTTP %1 (%2)</source>
        <translation>HTTP %1（%2）</translation>
    </message>
    <message>
        <source>the server offers %1 bytes, expected %2</source>
        <translation>伺服器提供 %1 位元組，預期為 %2 位元組</translation>
    </message>
    <message>
        <source>the connection broke after %1 of %2 bytes: %3</source>
        <translation>收到 %2 位元組中的 %1 位元組後連線中斷：%3</translation>
    </message>
    <message>
        <source>the server sent more than the expected %1 bytes</source>
        <translation>伺服器傳送的資料超過預期的 %1 位元組</translation>
    </message>
    <message>
        <source>truncated: got %1 of %2 bytes</source>
        <translation>資料不完整：只取得 %2 位元組中的 %1 位元組</translation>
    </message>
    <message>
        <source>cannot import %1 from %2: %3</source>
        <translation>無法從 %2 匯入 %1：%3</translation>
    </message>
    <message>
        <source>the folder holds only the unzipped %1: bring the .gz file as published (its SHA-256 is what is checked)</source>
        <translation>該資料夾中只有解壓縮後的 %1：請提供原樣發布的 .gz 檔案（檢查的是它的 SHA-256）</translation>
    </message>
    <message>
        <source>the file is not there</source>
        <translation>檔案不存在</translation>
    </message>
    <message>
        <source>it has %1 bytes, expected %2</source>
        <translation>檔案有 %1 位元組，預期為 %2 位元組</translation>
    </message>
    <message>
        <source>it has more than the expected %1 bytes</source>
        <translation>檔案超過預期的 %1 位元組</translation>
    </message>
    <message>
        <source>test_images and test_labels name the training files (%1): the test would score the images the network learned from; name the test set&apos;s own files (MNIST: t10k-images, t10k-labels)</source>
        <translation>test_images 與 test_labels 指向了訓練檔案（%1）：測試將為網路學過的影像評分；請指定測試集自己的檔案（MNIST：t10k-images、t10k-labels）</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Cannot export to “%1”: %2</source>
        <translation>無法匯出到「%1」：%2</translation>
    </message>
    <message>
        <source>the picture is empty (the widget has no size)</source>
        <translation>畫面是空的（元件沒有大小）</translation>
    </message>
    <message>
        <source>nothing was drawn</source>
        <translation>沒有繪製任何內容</translation>
    </message>
    <message>
        <source>not enough memory for an image of %1 × %2 px</source>
        <translation>記憶體不足，無法建立 %1 × %2 px 的影像</translation>
    </message>
    <message>
        <source>width %1 px: must be between 1 and %2</source>
        <translation>寬度 %1 px：必須介於 1 到 %2 之間</translation>
    </message>
    <message>
        <source>no format given and the file name has no suffix (use one of %1)</source>
        <translation>未指定格式，且檔名沒有副檔名（請使用 %1 其中之一）</translation>
    </message>
    <message>
        <source>unknown format “%1” (use one of %2)</source>
        <translation>未知的格式「%1」（請使用 %2 其中之一）</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>這是一個資料夾</translation>
    </message>
    <message>
        <source>“%1” is a file, not a folder</source>
        <translation>「%1」是檔案，不是資料夾</translation>
    </message>
    <message>
        <source>the folder “%1” does not exist</source>
        <translation>資料夾「%1」不存在</translation>
    </message>
    <message>
        <source>no permission to write in the folder “%1”</source>
        <translation>沒有在資料夾「%1」中寫入的權限</translation>
    </message>
    <message>
        <source>Drawn by nnlab</source>
        <translation>由 nnlab 繪製</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Costs: %1</source>
        <translation>代價函數：%1</translation>
    </message>
    <message>
        <source>start w = %1, b = %2</source>
        <translation>起點 w = %1, b = %2</translation>
    </message>
    <message>
        <source>η = %1</source>
        <translation>η = %1</translation>
    </message>
    <message>
        <source>epoch %1 of %2</source>
        <translation>訓練週期 %1 / %2</translation>
    </message>
    <message>
        <source>Note 002&apos;s example</source>
        <translation>講義 002 的範例</translation>
    </message>
    <message>
        <source>samples: %1</source>
        <translation>樣本數：%1</translation>
    </message>
    <message>
        <source>cross-entropy in ln</source>
        <translation>交叉熵取自然對數 ln</translation>
    </message>
    <message>
        <source>cross-entropy in log₂</source>
        <translation>交叉熵取以 2 為底的對數</translation>
    </message>
    <message>
        <source>outputs typed as logits</source>
        <translation>輸出以對數勝算輸入</translation>
    </message>
    <message>
        <source>start %1: w = %2, b = %3</source>
        <translation>起點 %1：w = %2, b = %3</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>Handwritten digits through six hidden layers of 30, sigmoid vs ReLU from the same He start: the sigmoid net&apos;s first layer gets a gradient hundreds of times smaller than its last, and the net stays at chance while the ReLU net learns</source>
        <translation>手寫數字通過六個各有 30 個單元的隱藏層，sigmoid 與 ReLU 從相同的 He 初始化起點開始：sigmoid 網路第一層得到的梯度比最後一層小了數百倍，整個網路停留在隨機猜測的水準，而 ReLU 網路則能順利學習。</translation>
    </message>
    <message>
        <source>Handwritten 8x8 digits, 64-30-10 sigmoid network with softmax output, mini-batches of 32: quadratic vs cross-entropy</source>
        <translation>8×8 手寫數字，64-30-10 的 sigmoid 網路搭配 softmax 輸出，小批次大小為 32：比較二次代價函數與交叉熵代價函數。</translation>
    </message>
    <message>
        <source>Handwritten 8x8 digits, 64-30-10 sigmoid network with softmax output: full-batch, stochastic (one sample per step) and mini-batch (32) gradient descent from the same start</source>
        <translation>8×8 手寫數字，64-30-10 的 sigmoid 網路搭配 softmax 輸出：從相同的起點比較全批次、隨機（每步一個樣本）與小批次（32）梯度下降。</translation>
    </message>
    <message>
        <source>Handwritten 8x8 digits, 64-30-10 with sigmoid outputs and large N(0, 1) starting weights: saturated outputs make the quadratic cost crawl while cross-entropy learns at once</source>
        <translation>8×8 手寫數字，64-30-10 網路使用 sigmoid 輸出，起始權重取自 N(0, 1)，數值很大：輸出飽和，讓二次代價函數學得極慢，而交叉熵代價函數則立刻開始學習。</translation>
    </message>
    <message>
        <source>One sigmoid neuron, x = 1 -&gt; y = 0, a mild start (w = 0.6, b = 0.9, a = 0.82): both costs learn</source>
        <translation>單一 sigmoid 神經元，x = 1 -&gt; y = 0，溫和的起點（w = 0.6, b = 0.9, a = 0.82）：兩種代價函數都能學習。</translation>
    </message>
    <message>
        <source>One sigmoid neuron, x = 1 -&gt; y = 0, a badly wrong start (w = 2, b = 2, a = 0.98): quadratic crawls, cross-entropy does not</source>
        <translation>單一 sigmoid 神經元，x = 1 -&gt; y = 0，錯得離譜的起點（w = 2, b = 2, a = 0.98）：二次代價函數學得極慢，交叉熵代價函數則不會。</translation>
    </message>
    <message>
        <source>Two interleaved spiral arms in 2-D (400 points), a 2-16-16-2 ReLU network with softmax output: the decision regions wind into spirals over a few hundred epochs</source>
        <translation>二維平面上兩條交錯的螺旋臂（400 個點），2-16-16-2 的 ReLU 網路搭配 softmax 輸出：決策區域在幾百個訓練週期內逐漸捲成螺旋。</translation>
    </message>
    <message>
        <source>The 2-D spiral with a 2-16-16-2 leaky-ReLU network at four learning rates from the same start: 0.01 crawls, 0.1 learns, 1 jumps about, 100 diverges at once</source>
        <translation>二維螺旋資料，2-16-16-2 的 leaky ReLU 網路從相同的起點使用四種學習率：0.01 學得極慢，0.1 能順利學習，1 來回跳動，100 立刻發散。</translation>
    </message>
    <message>
        <source>The lecture&apos;s 3-2-3 sigmoid network on three classes of three inputs (21 samples), quadratic vs cross-entropy</source>
        <translation>課堂上的 3-2-3 sigmoid 網路，處理有三個輸入、三個類別的資料（21 個樣本）：比較二次代價函數與交叉熵代價函數。</translation>
    </message>
    <message>
        <source>Noisy XOR in 2-D (400 points), a 2-8-2 tanh network with softmax output: no straight line separates the classes</source>
        <translation>帶雜訊的二維 XOR（400 個點），2-8-2 的 tanh 網路搭配 softmax 輸出：沒有任何一條直線能把這些類別分開。</translation>
    </message>
    <message>
        <source>Deep network: sigmoid vs ReLU</source>
        <translation>深層網路：sigmoid 與 ReLU</translation>
    </message>
    <message>
        <source>Digits: quadratic vs cross-entropy</source>
        <translation>手寫數字：二次與交叉熵代價函數</translation>
    </message>
    <message>
        <source>Digits: batch, stochastic and mini-batch descent</source>
        <translation>手寫數字：批次、隨機與小批次梯度下降</translation>
    </message>
    <message>
        <source>Digits: sigmoid outputs from a saturated start</source>
        <translation>手寫數字：從飽和起點開始的 sigmoid 輸出</translation>
    </message>
    <message>
        <source>One neuron: a mild start</source>
        <translation>單一神經元：溫和的起點</translation>
    </message>
    <message>
        <source>One neuron: a badly wrong start</source>
        <translation>單一神經元：錯得離譜的起點</translation>
    </message>
    <message>
        <source>Spiral: quadratic vs cross-entropy</source>
        <translation>螺旋：二次與交叉熵代價函數</translation>
    </message>
    <message>
        <source>Spiral: four learning rates, one diverges</source>
        <translation>螺旋：四種學習率，其中一種發散</translation>
    </message>
    <message>
        <source>The lecture&apos;s 3-2-3 network</source>
        <translation>課堂上的 3-2-3 網路</translation>
    </message>
    <message>
        <source>XOR: a 2-8-2 network</source>
        <translation>XOR：2-8-2 網路</translation>
    </message>
    <message>
        <source>One sigmoid neuron, x = 1 -&gt; y = 0, the quadratic cost from both classic starts (a = 0.82 and a = 0.98) on one plot, as in the lecture notes: the saturated start learns far more slowly</source>
        <translation>單一 sigmoid 神經元，x = 1 -&gt; y = 0，二次代價函數從兩個經典起點（a = 0.82 與 a = 0.98）出發，畫在同一張圖上，和講義相同：飽和的起點學得慢很多。</translation>
    </message>
    <message>
        <source>One sigmoid neuron, x = 1 -&gt; y = 0, both classic starts (a = 0.82 and a = 0.98) under both costs, four runs: cross-entropy learns fast from either start, the quadratic cost crawls from the saturated one</source>
        <translation>單一 sigmoid 神經元，x = 1 -&gt; y = 0，兩個經典起點（a = 0.82 與 a = 0.98）各用兩種代價函數，共四次執行：交叉熵代價函數從任一起點都學得很快，二次代價函數從飽和的起點出發則學得極慢。</translation>
    </message>
    <message>
        <source>One neuron: two starts, quadratic cost</source>
        <translation>單一神經元：兩個起點，二次代價函數</translation>
    </message>
    <message>
        <source>One neuron: two starts, both costs</source>
        <translation>單一神經元：兩個起點，兩種代價函數</translation>
    </message>
    <message>
        <source>Regression: a noisy sine y = sin(3x) on [-1, 1] (200 points), a 1-16-16-1 tanh network with a linear output, trained with the quadratic cost (the mean squared error): the fitted curve bends to the sine within a hundred epochs</source>
        <translation>迴歸：[-1, 1] 上帶雜訊的正弦 y = sin(3x)（200 個點），1-16-16-1 的 tanh 網路搭配線性輸出，以二次代價函數（也就是均方誤差）訓練：不到一百個訓練週期，擬合曲線就彎成正弦的形狀。</translation>
    </message>
    <message>
        <source>Noisy XOR in 2-D (400 points), a 2-8-8-8-2 network with softmax output, linear vs tanh hidden units: three linear layers are still one straight cut, depth does not help without a non-linearity</source>
        <translation>帶雜訊的二維 XOR（400 個點），2-8-8-8-2 網路搭配 softmax 輸出，比較線性與 tanh 隱藏單元：三個線性層仍然只是一條直線分界，沒有非線性，加深網路也無濟於事。</translation>
    </message>
    <message>
        <source>Noisy XOR in 2-D (400 points), a 2-8-2 network with softmax output, linear vs tanh hidden units from the same start: without a non-linearity the net is one straight cut and stays near chance, tanh separates the classes</source>
        <translation>帶雜訊的二維 XOR（400 個點），2-8-2 網路搭配 softmax 輸出，線性與 tanh 隱藏單元從相同的起點出發：沒有非線性，網路只是一條直線分界，準確率停留在隨機猜測附近；tanh 則能把各類別分開。</translation>
    </message>
    <message>
        <source>Regression: a network fits a noisy sine</source>
        <translation>迴歸：網路擬合帶雜訊的正弦</translation>
    </message>
    <message>
        <source>XOR: three linear hidden layers vs tanh</source>
        <translation>XOR：三個線性隱藏層與 tanh</translation>
    </message>
    <message>
        <source>XOR: linear vs tanh hidden units</source>
        <translation>XOR：線性與 tanh 隱藏單元</translation>
    </message>
    <message>
        <source>Note 004 on the full MNIST: the same 784-30-10 sigmoid network, both costs at one learning rate (0.5) for 5 epochs on the first 50,000 training images: cross-entropy clearly converges faster; needs MNIST downloaded</source>
        <translation>講義 004 的比較，使用完整的 MNIST：相同的 784-30-10 sigmoid 網路，兩種代價函數使用同一個學習率（0.5），在前 50,000 張訓練影像上進行 5 個訓練週期：交叉熵代價函數明顯收斂得更快；需要先下載 MNIST。</translation>
    </message>
    <message>
        <source>Note 004 on the 5,000 bundled MNIST digits (works offline): the same 784-30-10 sigmoid network, both costs at one learning rate (0.5) for 5 epochs: cross-entropy clearly converges faster</source>
        <translation>講義 004 的比較，使用 nnlab 內附的 5,000 個 MNIST 手寫數字（可離線使用）：相同的 784-30-10 sigmoid 網路，兩種代價函數使用同一個學習率（0.5），進行 5 個訓練週期：交叉熵代價函數明顯收斂得更快。</translation>
    </message>
    <message>
        <source>Nielsen&apos;s chapter 3 setting on the 5,000 bundled MNIST digits (works offline; 4,000 to train, 1,000 to test): 784-30-10 sigmoid network with sigmoid outputs and N(0, 1) starting weights, mini-batches of 10, 30 epochs, quadratic at learning rate 3.0 vs cross-entropy at 0.5</source>
        <translation>Nielsen 書中第 3 章的設定，使用 nnlab 內附的 5,000 個 MNIST 手寫數字（可離線使用；4,000 個用於訓練，1,000 個用於測試）：784-30-10 的 sigmoid 網路搭配 sigmoid 輸出，起始權重取自 N(0, 1)，小批次大小為 10，進行 30 個訓練週期：比較學習率 3.0 的二次代價函數與學習率 0.5 的交叉熵代價函數。</translation>
    </message>
    <message>
        <source>Nielsen&apos;s chapter 3 on the full MNIST: 784-30-10 sigmoid network with sigmoid outputs and N(0, 1) starting weights, mini-batches of 10, 30 epochs on the first 50,000 training images, tested on the 10,000 test images: quadratic at learning rate 3.0 (his 95.42 %) vs cross-entropy at 0.5 (his 95.49 %); needs MNIST downloaded</source>
        <translation>Nielsen 書中第 3 章的設定，使用完整的 MNIST：784-30-10 的 sigmoid 網路搭配 sigmoid 輸出，起始權重取自 N(0, 1)，小批次大小為 10，在前 50,000 張訓練影像上進行 30 個訓練週期，並以 10,000 張測試影像測試：比較學習率 3.0 的二次代價函數（書中為 95.42 %）與學習率 0.5 的交叉熵代價函數（書中為 95.49 %）；需要先下載 MNIST。</translation>
    </message>
    <message>
        <source>MNIST: both costs over 5 epochs</source>
        <translation>MNIST：兩種代價函數，5 個訓練週期</translation>
    </message>
    <message>
        <source>MNIST offline (5,000 digits): both costs over 5 epochs</source>
        <translation>MNIST 離線版（5,000 個數字）：兩種代價函數，5 個訓練週期</translation>
    </message>
    <message>
        <source>MNIST offline (5,000 digits): Nielsen&apos;s chapter 3</source>
        <translation>MNIST 離線版（5,000 個數字）：Nielsen 第 3 章</translation>
    </message>
    <message>
        <source>MNIST: Nielsen&apos;s chapter 3, quadratic vs cross-entropy</source>
        <translation>MNIST：Nielsen 第 3 章，二次與交叉熵代價函數</translation>
    </message>
</context>
</TS>
