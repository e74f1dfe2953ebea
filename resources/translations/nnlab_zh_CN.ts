<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationCurvesView</name>
    <message>
        <source>activation a = f(z)</source>
        <translation>激活值 a = f(z)</translation>
    </message>
    <message>
        <source>The activation functions</source>
        <translation>激活函数</translation>
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
        <translation>它们的斜率，以及在哪里饱和</translation>
    </message>
</context>
<context>
    <name>ActivationNotes</name>
    <message>
        <source>nowhere</source>
        <translation>无</translation>
    </message>
    <message>
        <source>A unit passes its input z = w·x + b through an activation f: its output is a = f(z).</source>
        <translation>一个单元把输入 z = w·x + b 送入激活函数 f：它的输出是 a = f(z)。</translation>
    </message>
    <message>
        <source>Move z with the slider (or type it): each point sits on its curve, its dashed tangent has the function&apos;s slope there.</source>
        <translation>用滑块移动 z（或直接输入）：每个点都落在各自的曲线上，点上的虚线切线的斜率就是函数在该处的斜率。</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>f(z) at z = %1</source>
        <translation>z = %1 处的 f(z)</translation>
    </message>
    <message>
        <source>saturated</source>
        <extracomment>(epoch, Evaluation) of the newest epoch the training process evaluated, or None Characters that oblige an argument of Exec to be quoted (Desktop Entry Specification, &quot;The Exec key&quot;). Caption line height as a multiple of the font&apos;s height: room above and below the text. The caption may shrink to this share of the widget&apos;s font size before it wraps. What separates the caption&apos;s parts: it wraps only there, never inside &quot;epoch 300 of 300&quot;. The title above a figure: its font size as a multiple of the widget&apos;s, and its line height. The blank left and right of a title or caption, as a share of the figure&apos;s width. How a title or caption is drawn: it may still wrap inside a line too long on its own. a name of its own, so that pyside6-lupdate finds the texts it translates PNG width when none is asked for, as a multiple of the widget&apos;s width on screen. Widest PNG drawn (pixels), so a typo in the width does not exhaust the memory. A slide&apos;s shape (width : height), for figures laid out to fill one. Narrowest a figure laid out for a slide is drawn (pixels of the widget): its default PNG, DEFAULT_PNG_SCALE times as wide, is at least 1920 px wide, a full-HD slide.</extracomment>
        <translation>饱和区</translation>
    </message>
    <message>
        <source>Largest slopes and saturation</source>
        <translation>最大斜率与饱和区</translation>
    </message>
    <message>
        <source>f′ at z = %1</source>
        <translation>z = %1 处的 f′</translation>
    </message>
    <message>
        <source>Slope below %1 (shaded under the axis): saturated, a gradient through the unit all but stops.</source>
        <translation>斜率小于 %1（轴下方的阴影）即为饱和：穿过该单元的梯度几乎停滞。</translation>
    </message>
    <message>
        <source>f′(z) multiplies every gradient passing back through the unit. The sigmoid&apos;s slope is never more than 1/4; tanh&apos;s and ReLU&apos;s reach 1. ReLU&apos;s slope is 0 for every z &lt; 0, leaky ReLU&apos;s stays 0.01 there: small, but never zero.</source>
        <translation>反向传播时，每个穿过该单元的梯度都要乘以 f′(z)。sigmoid 的斜率永远不超过 1/4；tanh 和 ReLU 的斜率最大可达 1。ReLU 在所有 z &lt; 0 处斜率为 0，leaky ReLU 在那里保持 0.01：很小，但绝不为零。</translation>
    </message>
    <message>
        <source>Backpropagation multiplies one slope per layer: the gradient reaching the first of n layers is</source>
        <translation>反向传播每经过一层就乘上一个斜率：到达 n 层中第一层的梯度是</translation>
    </message>
    <message>
        <source>With weights of at most 1, the sigmoid&apos;s slopes alone give</source>
        <translation>若权重都不超过 1，仅 sigmoid 的斜率就给出</translation>
    </message>
    <message>
        <source>The first layers of a deep sigmoid net hardly learn: their gradient vanishes. tanh′ and ReLU′ reach 1, so their bound stays 1 (ReLU′ is exactly 1 wherever a unit is on).</source>
        <translation>深层 sigmoid 网络的前几层几乎学不动：它们的梯度消失了。tanh′ 和 ReLU′ 最大可达 1，所以它们的上界始终是 1（单元处于激活状态时，ReLU′ 恰好为 1）。</translation>
    </message>
    <message>
        <source>In the lab: deep sigmoid vs ReLU</source>
        <translation>网络实验室：深层 sigmoid 与 ReLU</translation>
    </message>
    <message>
        <source>Open the example “Deep network: sigmoid vs ReLU” in the lab: six hidden layers of sigmoid units against ReLU units, from the same start, on handwritten digits</source>
        <translation>在网络实验室中打开示例“深层网络：sigmoid 与 ReLU”：六个隐藏层的 sigmoid 单元与 ReLU 单元对比，从同一起点出发，学习手写数字</translation>
    </message>
    <message>
        <source>Why depth starves sigmoid layers</source>
        <translation>为什么深度会让 sigmoid 层得不到梯度</translation>
    </message>
    <message>
        <source>Without a non-linearity each layer is a linear map, and two linear maps make one:</source>
        <translation>没有非线性，每一层都只是一个线性映射，而两个线性映射合起来仍是一个：</translation>
    </message>
    <message>
        <source>However many linear layers: one linear map, one straight cut through the plane, no better than no hidden layer at all. No straight cut separates XOR&apos;s classes. In the lab, watch the decision regions: linear units stay one straight cut, tanh units bend around the corners.</source>
        <translation>无论叠多少个线性层：都只是一个线性映射，只能用一条直线切分平面，并不比完全没有隐藏层更好。没有任何一条直线能分开 XOR 的各个类别。在网络实验室中观察决策区域：线性单元始终只有一条直线分界，tanh 单元的分界则能绕着各个角弯折。</translation>
    </message>
    <message>
        <source>In the lab: XOR, linear vs tanh</source>
        <translation>网络实验室：XOR，线性与 tanh</translation>
    </message>
    <message>
        <source>Open the example “XOR: linear vs tanh hidden units” in the lab: a 2-8-2 network on noisy XOR, linear hidden units against tanh units</source>
        <translation>在网络实验室中打开示例“XOR：线性与 tanh 隐藏单元”：在带噪声的 XOR 上训练 2-8-2 网络，线性隐藏单元与 tanh 单元对比</translation>
    </message>
    <message>
        <source>In the lab: three linear layers</source>
        <translation>网络实验室：三个线性层</translation>
    </message>
    <message>
        <source>Open the example “XOR: three linear hidden layers vs tanh” in the lab: a 2-8-8-8-2 network on noisy XOR; more linear layers do not help</source>
        <translation>在网络实验室中打开示例“XOR：三个线性隐藏层与 tanh”：在带噪声的 XOR 上训练 2-8-8-8-2 网络；线性层再多也无济于事</translation>
    </message>
    <message>
        <source>Why a network needs a non-linearity</source>
        <translation>为什么网络需要非线性</translation>
    </message>
    <message>
        <source>The sigmoid and tanh need exponentials; ReLU only compares z with 0, and its slope is 0 or 1.</source>
        <translation>sigmoid 和 tanh 需要计算指数；ReLU 只需把 z 与 0 比较，其斜率不是 0 就是 1。</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Time each function and its slope on %1 values on this computer (the best of %2 runs)</source>
        <translation>在本机上测量每个函数及其斜率处理 %1 个值所需的时间（取 %2 次测量中最快的一次）</translation>
    </message>
    <message>
        <source>Why ReLU is cheap and sparse</source>
        <translation>为什么 ReLU 计算开销小、输出稀疏</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <source>Not measured yet.</source>
        <translation>尚未测量。</translation>
    </message>
    <message>
        <source>Milliseconds for %1 values on this computer, the best of %2 runs (beside the bars: how many times ReLU&apos;s time):</source>
        <translation>在本机上处理 %1 个值所需的毫秒数，取 %2 次测量中最快的一次（条形旁的数字：是 ReLU 用时的几倍）：</translation>
    </message>
    <message>
        <source>Sparse: ReLU&apos;s output is exactly 0 for every z &lt; 0 (here %1 of the values), so only some units of a layer are on, and an off unit passes no gradient back. In the lab, see how many hidden units sit at zero.</source>
        <extracomment>Rounds of layout requests delivered: a layout settled may ask its children&apos;s again.</extracomment>
        <translation>稀疏：ReLU 在所有 z &lt; 0 处输出恰好为 0（此处占全部值的 %1），所以一层中只有部分单元处于激活状态，而未激活的单元不会向回传递任何梯度。在网络实验室中可以看到有多少隐藏单元的输出为零。</translation>
    </message>
</context>
<context>
    <name>ActivationsPage</name>
    <message>
        <source>the five functions</source>
        <translation>五种函数</translation>
    </message>
    <message>
        <source>their slopes and saturation</source>
        <translation>斜率与饱和区</translation>
    </message>
    <message>
        <source>depth: (1/4)ⁿ</source>
        <translation>深度：(1/4)ⁿ</translation>
    </message>
    <message>
        <source>why a non-linearity</source>
        <translation>为什么需要非线性</translation>
    </message>
    <message>
        <source>why ReLU is cheap</source>
        <translation>为什么 ReLU 计算开销小</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>激活函数</translation>
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
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>ActivationsPanel</name>
    <message>
        <source>Activation functions</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Five steps: the functions, their slopes (saturated where the slope is below %1), what depth does to a gradient, why a network needs a non-linearity, and what each function costs.

Tick the functions to draw under the plots, and mark a z with the slider or by typing it. → and ← walk through the steps; while the slider has the focus they move it (Esc gives them back).</source>
        <translation>共五步：各个函数，它们的斜率（斜率小于 %1 处为饱和区），深度对梯度的影响，为什么网络需要非线性，以及每个函数的计算开销。

勾选要画在图中的函数，用滑块或直接输入来标记一个 z。→ 和 ← 键逐步浏览；滑块获得焦点时，这两个键改为移动滑块（按 Esc 键交还）。</translation>
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
        <translation>第 %1 步：%2</translation>
    </message>
</context>
<context>
    <name>BackpropPage</name>
    <message>
        <source>Network and sample</source>
        <translation>网络与样本</translation>
    </message>
    <message>
        <source>Random start</source>
        <translation>随机起点</translation>
    </message>
    <message>
        <source>Weights and biases drawn from the panel&apos;s seed</source>
        <translation>用面板上的随机种子抽取权重和偏置</translation>
    </message>
    <message>
        <source>ℒ = %1, after one update ℒ′ = %2</source>
        <translation>ℒ = %1，更新一次后 ℒ′ = %2</translation>
    </message>
    <message>
        <source>ℒ = %1, after one update ℒ′ = %2 (η = %3) · largest |gradient − finite difference| = %4</source>
        <translation>ℒ = %1，更新一次后 ℒ′ = %2（η = %3）· |梯度 − 有限差分| 最大为 %4</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>no biases</source>
        <translation>无偏置</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>BackpropPanel</name>
    <message>
        <source>The sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>An input of the sample, from −100 to 100.</source>
        <translation>样本的一个输入，取值 −100 到 100。</translation>
    </message>
    <message>
        <source>The sample&apos;s class: its target is 1 at that output and 0 at the others.</source>
        <translation>样本的类别：其目标值在该输出上为 1，在其他输出上为 0。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>The learning rate η of the update, more than 0 and at most 10.</source>
        <translation>本次更新的学习率 η，大于 0 且不超过 10。</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>The network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Biases b1 … b5</source>
        <translation>偏置 b1 … b5</translation>
    </message>
    <message>
        <source>Leave them out, as the note&apos;s figure does: they are then 0 and are not trained.</source>
        <translation>取消勾选即不用偏置，与讲义中的图一样：此时偏置为 0，且不参与训练。</translation>
    </message>
    <message>
        <source>The seed of a random start: the same seed, the same weights.</source>
        <translation>随机起点的种子：种子相同，权重就相同。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Random start</source>
        <translation>随机起点</translation>
    </message>
    <message>
        <source>Weights and biases drawn from the seed, rounded to two decimals</source>
        <translation>用随机种子抽取权重和偏置，四舍五入到两位小数</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>The lesson&apos;s weights, sample and η again (R)</source>
        <translation>恢复本课的权重、样本和 η (R)</translation>
    </message>
    <message>
        <source>Click a weight, a bias or an input in the diagram to type a new value.</source>
        <translation>在结构图中单击某个权重、偏置或输入，即可输入新值。</translation>
    </message>
    <message>
        <source>Train on</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <source>What the loss is plotted against: on epochs SGD looks fastest, on updates or samples it is many cheap, noisy steps.</source>
        <translation>损失曲线的横轴：按轮次看，SGD 似乎最快；按参数更新次数或已处理样本数看，它走的是许多开销小但带噪声的步子。</translation>
    </message>
    <message>
        <source>x axis</source>
        <translation>横轴</translation>
    </message>
    <message>
        <source>Samples in each step of mini-batch descent</source>
        <translation>小批量梯度下降中每一步使用的样本数</translation>
    </message>
    <message>
        <source>Mini-batch size</source>
        <translation>小批量大小</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
</context>
<context>
    <name>BackpropSteps</name>
    <message>
        <source>the network, the sample and the loss</source>
        <translation>网络、样本与损失</translation>
    </message>
    <message>
        <source>forward: hidden unit h1</source>
        <translation>前向传播：隐藏单元 h1</translation>
    </message>
    <message>
        <source>forward: hidden unit h2</source>
        <translation>前向传播：隐藏单元 h2</translation>
    </message>
    <message>
        <source>forward: output o1</source>
        <translation>前向传播：输出单元 o1</translation>
    </message>
    <message>
        <source>forward: output o2</source>
        <translation>前向传播：输出单元 o2</translation>
    </message>
    <message>
        <source>forward: output o3</source>
        <translation>前向传播：输出单元 o3</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>each output&apos;s error δ</source>
        <translation>各输出单元的误差 δ</translation>
    </message>
    <message>
        <source>∂ℒ/∂w7 by the chain rule</source>
        <translation>用链式法则求 ∂ℒ/∂w7</translation>
    </message>
    <message>
        <source>∂ℒ/∂w8 … ∂ℒ/∂w12</source>
        <translation>∂ℒ/∂w8 … ∂ℒ/∂w12</translation>
    </message>
    <message>
        <source>each hidden unit&apos;s error δ</source>
        <translation>各隐藏单元的误差 δ</translation>
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
        <translation>更新后的损失</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>the sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>The numbering: w1, w2, w3 carry x1, x2, x3 into the hidden unit h1, and w4, w5, w6 into h2; w7, w8 carry h1, h2 into the output o1, w9, w10 into o2 and w11, w12 into o3.</source>
        <translation>编号：w1、w2、w3 把 x1、x2、x3 送入隐藏单元 h1，w4、w5、w6 把它们送入 h2；w7、w8 把 h1、h2 送入输出单元 o1，w9、w10 送入 o2，w11、w12 送入 o3。</translation>
    </message>
    <message>
        <source>b1, b2 are the hidden units&apos; biases and b3, b4, b5 the outputs&apos;.</source>
        <translation>b1、b2 是隐藏单元的偏置，b3、b4、b5 是输出单元的偏置。</translation>
    </message>
    <message>
        <source>The biases are left out, as in the note&apos;s figure: they are 0 and are not trained.</source>
        <translation>与讲义中的图一样不用偏置：偏置为 0，且不参与训练。</translation>
    </message>
    <message>
        <source>A 3-2-3 network of sigmoid neurons and one sample (x1, x2, x3) with its one-hot target (y1, y2, y3). Each neuron adds up what comes in, weighted, and passes the sum through the sigmoid. The loss is half the squared error of the three outputs:</source>
        <translation>一个由 sigmoid 神经元组成的 3-2-3 网络，以及一个样本 (x1, x2, x3) 和它的独热目标值 (y1, y2, y3)。每个神经元把输入加权求和，再把和送入 sigmoid 函数。损失是三个输出的平方误差之和的一半：</translation>
    </message>
    <message>
        <source>Click a weight or an input in the diagram to type a new value; → walks through the forward pass, the errors and the update.</source>
        <translation>在结构图中单击某个权重或输入，即可输入新值；按 → 键依次浏览前向传播、误差和更新。</translation>
    </message>
    <message>
        <source>The hidden unit %1 weighs the three inputs, adds them up and squashes the sum with the sigmoid:</source>
        <translation>隐藏单元 %1 对三个输入加权、求和，再用 sigmoid 函数压缩这个和：</translation>
    </message>
    <message>
        <source>The output %1 does the same with the hidden units&apos; outputs; its a is the network&apos;s prediction ŷ%2:</source>
        <translation>输出单元 %1 对隐藏单元的输出做同样的计算；它的 a 就是网络的预测值 ŷ%2：</translation>
    </message>
    <message>
        <source>The prediction against the target: half the sum of the squared errors.</source>
        <translation>预测值与目标值相比：平方误差之和的一半。</translation>
    </message>
    <message>
        <source>Backpropagation now runs from here to the inputs: how much does each weight change ℒ?</source>
        <translation>反向传播从这里开始，一直走到输入：每个权重会让 ℒ 改变多少？</translation>
    </message>
    <message>
        <source>The error δ of an output is how fast ℒ changes with its z: the error of its prediction times the slope of the sigmoid there.</source>
        <translation>输出单元的误差 δ 是 ℒ 随其 z 变化的快慢：预测值的误差乘以 sigmoid 在该处的斜率。</translation>
    </message>
    <message>
        <source>w7 reaches ℒ only through z of o1, and z of o1 through ŷ1. The chain rule multiplies the three links:</source>
        <translation>w7 只通过 o1 的 z 影响 ℒ，而 o1 的 z 又只通过 ŷ1 影响 ℒ。链式法则把这三个环节相乘：</translation>
    </message>
    <message>
        <source>Check by finite differences: nudge w7 up and down by h and see how ℒ moves (the D under it).</source>
        <translation>用有限差分验证：把 w7 分别增大和减小 h，看 ℒ 如何变化（下方的 D）。</translation>
    </message>
    <message>
        <source>Both agree to six digits: backpropagation gets the slope exactly, with one pass back instead of two passes forward for every weight.</source>
        <translation>两者在六位有效数字上一致：反向传播精确地求出了斜率，而且只需一次反向计算，不必为每个权重各做两次前向计算。</translation>
    </message>
    <message>
        <source>Every weight into an output: the output&apos;s δ times the hidden unit&apos;s output that the weight carries (a bias carries 1). D beside or under each is its finite-difference estimate.</source>
        <translation>每个进入输出单元的权重：该输出单元的 δ 乘以这个权重所传递的隐藏单元输出（偏置传递的是 1）。每项旁边或下方的 D 是它的有限差分估计值。</translation>
    </message>
    <message>
        <source>A hidden unit reaches ℒ through all three outputs. By the chain rule its δ is the sum, over the outputs, of each output&apos;s δ times the weight between them, times the slope of its own sigmoid:</source>
        <translation>隐藏单元通过全部三个输出单元影响 ℒ。由链式法则，它的 δ 等于：对各输出单元求和，每项为该输出单元的 δ 乘以两者之间的权重，再乘以它自身 sigmoid 的斜率：</translation>
    </message>
    <message>
        <source>The errors flow back along the same weights that carried the signal forward.</source>
        <translation>误差沿着当初向前传递信号的同一组权重反向流回。</translation>
    </message>
    <message>
        <source>Every weight into a hidden unit: the unit&apos;s δ times the input the weight carries, with its finite-difference estimate D beside or under it.</source>
        <translation>每个进入隐藏单元的权重：该单元的 δ 乘以这个权重所传递的输入，旁边或下方的 D 是它的有限差分估计值。</translation>
    </message>
    <message>
        <source>Gradient descent: every weight takes a step against its gradient, η times as long.</source>
        <translation>梯度下降：每个权重都沿梯度的反方向走一步，步长是梯度的 η 倍。</translation>
    </message>
    <message>
        <source>The biases are left out: they stay 0.</source>
        <translation>没有偏置：偏置保持为 0。</translation>
    </message>
    <message>
        <source>The same sample through the updated network: the prediction moves towards the target and the loss is lower.</source>
        <translation>同一个样本经过更新后的网络：预测值向目标值靠近，损失变小了。</translation>
    </message>
    <message>
        <source>To first order the change is −η times the sum of the squared gradients:</source>
        <translation>在一阶近似下，变化量是 −η 乘以各梯度平方之和：</translation>
    </message>
    <message>
        <source>Repeat for every sample, many times: that is training. The tab “Train on” does it for the lesson&apos;s 21 samples in three ways.</source>
        <translation>对每个样本重复这个过程，重复很多遍：这就是训练。标签页“继续训练”用三种方式对本课的 21 个样本这样做。</translation>
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
        <translation>第 %1 轮，共 %2 轮</translation>
    </message>
    <message>
        <source>x = %1, y = %2</source>
        <translation>x = %1, y = %2</translation>
    </message>
    <message>
        <source>σ′(z) is small: the quadratic cost learns slowly here; cross-entropy has no σ′(z) factor.</source>
        <translation>σ′(z) 很小：二次代价函数在这里学得很慢；交叉熵代价函数没有 σ′(z) 因子。</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
</context>
<context>
    <name>ClassKey</name>
    <message>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>No runs to show.</source>
        <extracomment>Correct predictions (the diagonal) are shades of grey and confusions of wine (Paul Tol&apos;s muted scheme), so the mistakes stand out without reading a number, for colour-blind viewers as well; neither is a run&apos;s colour (blue and vermillion mean runs in the lab). A cell with any count at all is at least this strongly tinted: one confusion in 300 must not look like none. Above this relative luminance a cell gets dark text, below it white text. Counts are written at this share of the theme&apos;s font, shrunk to fit their cell, and left out once they would have to shrink below MIN_COUNT_SCALE of it (or below MIN_COUNT_POINTS): shading without numbers reads better than numbers nobody can read. Cells grow with the view up to this many lines of label text: a 3 × 3 matrix filling a whole screen is mostly empty colour. An empty cell&apos;s shade (no count: no tint). Shades kept per view (see _CellShades) before they are computed afresh. the predicted classes&apos; names stand upright under the matrix: wider than a cell, they would be cut (&quot;vers…&quot;) or run into each other</extracomment>
        <translation>没有可显示的运行。</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>no network yet</source>
        <translation>尚无网络</translation>
    </message>
    <message>
        <source>diverged: its parameters are not numbers</source>
        <translation>已发散：参数已不是有效数值</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>test set: %1 % correct (%2 of %3)</source>
        <translation>测试集：准确率 %1 %（%2/%3）</translation>
    </message>
    <message>
        <source>test set: %1 % correct</source>
        <translation>测试集：准确率 %1 %</translation>
    </message>
    <message>
        <source>training set (there is no test set): %1 % correct (%2 of %3)</source>
        <translation>训练集（没有测试集）：准确率 %1 %（%2/%3）</translation>
    </message>
    <message>
        <source>training set: %1 % correct</source>
        <translation>训练集：准确率 %1 %</translation>
    </message>
    <message>
        <source>%1 % correct</source>
        <translation>准确率 %1 %</translation>
    </message>
    <message>
        <source>No data to show.</source>
        <translation>没有可显示的数据。</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>%1: %2 of the %3 samples of class %4 predicted as %5 (%6 %)</source>
        <translation>%1：类别 %4 的 %3 个样本中有 %2 个被预测为 %5（%6 %）</translation>
    </message>
    <message>
        <source>A confusion matrix counts classes: not for regression, whose answers are numbers.</source>
        <translation>混淆矩阵统计的是类别：不适用于回归，回归的答案是数值。</translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Draw this function in the plots</source>
        <translation>在图中画出这个函数</translation>
    </message>
    <message>
        <source>Mark z =</source>
        <translation>标记 z =</translation>
    </message>
    <message>
        <source>Type the z to mark on every curve</source>
        <translation>输入要在每条曲线上标记的 z</translation>
    </message>
    <message>
        <source>Move the z marked on every curve (← and → while it has the focus; Esc gives the arrows back to the steps)</source>
        <translation>移动每条曲线上标记的 z（滑块获得焦点时用 ← 和 → 键；按 Esc 键把方向键交还给步骤浏览）</translation>
    </message>
</context>
<context>
    <name>CostPlot</name>
    <message>
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>cost C</source>
        <translation>代价 C</translation>
    </message>
</context>
<context>
    <name>CourseWindow</name>
    <message>
        <source>Cannot open experiment</source>
        <translation>无法打开实验</translation>
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
        <translation>“%1”已暂停：只有当前显示的课程会训练</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>Experiments (*.toml)</source>
        <translation>实验文件 (*.toml)</translation>
    </message>
    <message>
        <source>%1: no lesson of nnlab opens experiments of kind “%2”</source>
        <translation>%1：nnlab 中没有课程能打开“%2”类型的实验</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>Cannot save experiment</source>
        <translation>无法保存实验</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>“%1” takes no data files: drop them on the network lab</source>
        <translation>“%1”不接受数据文件：请将它们拖放到网络实验室</translation>
    </message>
    <message>
        <source>About nnlab</source>
        <translation>关于 nnlab</translation>
    </message>
    <message>
        <source>nnlab %1</source>
        <translation>nnlab %1</translation>
    </message>
    <message>
        <source>A desktop course in how neural networks learn: why a sigmoid neuron that starts badly wrong learns slowly with the quadratic cost and fast with the cross-entropy cost, and the lessons around it:</source>
        <translation>一门讲解神经网络如何学习的桌面课程：为什么一个起初错得离谱的 sigmoid 神经元，用二次代价函数学得慢，用交叉熵代价函数学得快；以及与此相关的课程：</translation>
    </message>
    <message>
        <source>The translations of %1 are missing: the interface stays in English</source>
        <translation>缺少%1的翻译：界面保持英文</translation>
    </message>
    <message>
        <source>Run</source>
        <extracomment>QSettings keys: the window&apos;s size and place, and the lesson last shown</extracomment>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run or pause every run (Space)</source>
        <translation>运行或暂停所有运行 (Space)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train one epoch, or show the next one when the timeline is behind (Right arrow)</source>
        <translation>训练一个轮次；若时间轴落后于训练，则显示下一轮次 (→ 键)</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Show the epoch before (Left arrow)</source>
        <translation>显示上一轮次 (← 键)</translation>
    </message>
    <message>
        <source>First epoch</source>
        <translation>首个轮次</translation>
    </message>
    <message>
        <source>Show epoch 0, the start (Home)</source>
        <translation>显示第 0 轮次，即起点 (Home)</translation>
    </message>
    <message>
        <source>Last epoch</source>
        <translation>最新轮次</translation>
    </message>
    <message>
        <source>Show the newest epoch and follow it (End)</source>
        <translation>显示最新轮次并持续跟随 (End)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the start (R)</source>
        <translation>回到起点 (R)</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <source>Train at half the speed (−)</source>
        <translation>以一半的速度训练 (−)</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加速</translation>
    </message>
    <message>
        <source>Train at twice the speed (+)</source>
        <translation>以两倍的速度训练 (+)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Fill the screen (F11)</source>
        <translation>占满整个屏幕 (F11)</translation>
    </message>
    <message>
        <source>Projector mode</source>
        <translation>投影模式</translation>
    </message>
    <message>
        <source>Full screen, large fonts, thick lines, high contrast (F5)</source>
        <translation>全屏、大字体、粗线条、高对比度 (F5)</translation>
    </message>
    <message>
        <source>&amp;Open experiment…</source>
        <translation>打开实验(&amp;O)…</translation>
    </message>
    <message>
        <source>Open an experiment file in the lesson it belongs to (Ctrl+O)</source>
        <translation>在实验所属的课程中打开实验文件 (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Save experiment as…</source>
        <translation>实验另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the settings of the lesson on show (Ctrl+S)</source>
        <translation>保存当前课程的设置 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Export &amp;window…</source>
        <translation>导出窗口(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Copy window to clipboard</source>
        <translation>复制窗口到剪贴板(&amp;C)</translation>
    </message>
    <message>
        <source>Add a caption with the settings</source>
        <translation>添加包含设置的图注</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close nnlab (Ctrl+Q)</source>
        <translation>关闭 nnlab (Ctrl+Q)</translation>
    </message>
    <message>
        <source>&amp;About nnlab</source>
        <translation>关于 nnlab(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Previous lesson</source>
        <translation>上一课(&amp;P)</translation>
    </message>
    <message>
        <source>Show the lesson before (Ctrl+PgUp)</source>
        <translation>显示上一课 (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>&amp;Next lesson</source>
        <translation>下一课(&amp;N)</translation>
    </message>
    <message>
        <source>Show the next lesson (Ctrl+PgDown)</source>
        <translation>显示下一课 (Ctrl+PgDown)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Settings panel</source>
        <translation>设置面板</translation>
    </message>
    <message>
        <source>Lesson list</source>
        <translation>课程列表</translation>
    </message>
    <message>
        <source>Show or hide the list of lessons (F9)</source>
        <translation>显示或隐藏课程列表 (F9)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>No Chinese font is installed: install one (Debian: fonts-noto-cjk) to read %1</source>
        <translation>未安装中文字体，无法显示%1：请安装一种中文字体（Debian：fonts-noto-cjk）</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Learning</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates</extracomment>
        <translation>学习</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Network lab</source>
        <translation>网络实验室</translation>
    </message>
    <message>
        <source>Gradient and surface</source>
        <translation>梯度与代价曲面</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Derivation</source>
        <translation>推导</translation>
    </message>
    <message>
        <source>Table and curves</source>
        <translation>表格与曲线</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>Train on</source>
        <translation>继续训练</translation>
    </message>
</context>
<context>
    <name>DecisionRegionsView</name>
    <message>
        <source>class %1</source>
        <extracomment>Grid points along each side of the (square) data window. 96² predictions of a small network take about a millisecond. Room round the data, as a share of their larger extent, on every side. While training, at most this many grids are evaluated per frame (the runs whose picture is oldest first); the others follow on the next frames. A frame&apos;s work then stays small however many runs there are and however big their networks. Classes kept per view, for every (run, epoch, parameters, grid) evaluated. Paul Tol&apos;s pale scheme for the regions (light enough for any marker to show on any of them) and his muted scheme for the markers: neither is the saturated Okabe–Ito set the runs are drawn in. The shape tells the classes apart without colour. How much of a class&apos;s pale tint a region has (the rest white). Full on a projector, which washes light colours out. Where a network&apos;s outputs are not finite (a diverged run&apos;s parameters) no class is predicted: a neutral grey, not the first class&apos;s colour that argmax of NaN would give. Plots show their axes only where the regions then stay at least this many text lines high and wide: four small plots on a projector&apos;s quarter page show the regions alone. Views wider than this many times their height show the class key beside the plots, not under them. Pixels the title&apos;s label item needs beside its text. The runs&apos; titles relative to the theme&apos;s font (as the other views&apos; labels). The plots are laid out so that every title fits whole, unless that makes them smaller than this share of the side they could have; only then are titles shortened (in the middle: &quot;η = 0.01&quot; and &quot;η = 0.1&quot; differ at their end). Markers are sized so that the data&apos;s markers would cover about this share of the plot (were they spread over it evenly): hundreds of points must not bury the regions ... ... but never smaller than this many pixels (the regions are the point of the picture, on a projector too), nor larger than this share of the theme&apos;s marker size.</extracomment>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>Show data points</source>
        <translation>显示数据点</translation>
    </message>
    <message>
        <source>Hide the points to see the regions whole</source>
        <translation>隐藏数据点，以查看完整的区域</translation>
    </message>
    <message>
        <source>No data to show yet.</source>
        <translation>暂无可显示的数据。</translation>
    </message>
    <message>
        <source>Decision regions</source>
        <translation>决策区域</translation>
    </message>
    <message>
        <source>Decision regions need data with two inputs</source>
        <translation>决策区域需要有两个输入的数据</translation>
    </message>
    <message>
        <source>No runs to show.</source>
        <translation>没有可显示的运行。</translation>
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
        <translation>%1（已发散）</translation>
    </message>
    <message>
        <source>Decision regions are for classes: not for regression, whose answers are numbers</source>
        <translation>决策区域是针对类别的：不适用于回归，回归的答案是数值</translation>
    </message>
</context>
<context>
    <name>DefinitionsView</name>
    <message>
        <source>Definitions</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates The worked values of formula (1): one sigmoid output p for each label y.</extracomment>
        <translation>定义</translation>
    </message>
    <message>
        <source>N samples i, M classes c; y: the one-hot target, c its true class; ŷ: the model&apos;s probabilities, ĉ the class of the largest; p: ŷ of the true class.</source>
        <translation>N 个样本 i，M 个类别 c；y：独热目标值，c 为其真实类别；ŷ：模型给出的概率，ĉ 为概率最大的类别；p：真实类别的 ŷ。</translation>
    </message>
    <message>
        <source>Classification error</source>
        <translation>分类错误率</translation>
    </message>
    <message>
        <source>Wrong samples over all samples: how wrong a wrong sample is does not count.</source>
        <translation>错误样本数除以全部样本数：错得多离谱并不计入。</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>Each sample&apos;s squares summed over the classes, then averaged over the samples (note 002).</source>
        <translation>每个样本的平方差先对各类别求和，再对所有样本取平均（讲义 002）。</translation>
    </message>
    <message>
        <source>Natural log, as note 002 (2). Only the true class&apos;s term is left: −ln p.</source>
        <translation>取自然对数，同讲义 002 的式 (2)。只剩下真实类别那一项：−ln p。</translation>
    </message>
    <message>
        <source>log₂, as note 001 writes it (H = −y log₂ ŷ): every value is the natural one divided by ln 2 ≈ 0.693.</source>
        <translation>以 2 为底的对数，同讲义 001 的写法（H = −y log₂ ŷ）：每个值都等于自然对数下的值除以 ln 2 ≈ 0.693。</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Binary cross-entropy, note 002 (1)</source>
        <translation>二分类交叉熵，讲义 002 的式 (1)</translation>
    </message>
    <message>
        <source>One sigmoid output p, the probability of the positive class (y = 1); above, one sample at p = %1.</source>
        <translation>单个 sigmoid 输出 p，即正类（y = 1）的概率；上方是 p = %1 时单个样本的算例。</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>softmax 函数</translation>
    </message>
    <message>
        <source>Makes probabilities of a sample&apos;s logits z: each between 0 and 1, together 1.</source>
        <translation>把一个样本的对数几率 z 变成概率：每个都在 0 和 1 之间，总和为 1。</translation>
    </message>
</context>
<context>
    <name>DepthView</name>
    <message>
        <source>depth n (layers)</source>
        <translation>深度 n（层数）</translation>
    </message>
    <message>
        <source>largest product of n slopes</source>
        <translation>n 个斜率之积的最大值</translation>
    </message>
    <message>
        <source>A gradient through n layers: at most (max f′)ⁿ</source>
        <translation>穿过 n 层的梯度：至多为 (max f′)ⁿ</translation>
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
        <translation>起点</translation>
    </message>
    <message>
        <source>Start %1: z = %2, a = %3, σ′(z) = %4</source>
        <translation>起点 %1：z = %2, a = %3, σ′(z) = %4</translation>
    </message>
    <message>
        <source>start %1</source>
        <translation>起点 %1</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
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
        <translation>自定义</translation>
    </message>
    <message>
        <source>The two classic starts, for x = 1 and y = 0: a mild one and a saturated one.</source>
        <translation>两个经典起点（x = 1, y = 0）：一个温和，一个饱和。</translation>
    </message>
    <message>
        <source>The weight w at the start.</source>
        <translation>起点处的权重 w。</translation>
    </message>
    <message>
        <source>The bias b at the start.</source>
        <translation>起点处的偏置 b。</translation>
    </message>
    <message>
        <source>The input x of the one sample.</source>
        <translation>唯一样本的输入 x。</translation>
    </message>
    <message>
        <source>The target y of the one sample, from 0 to 1.</source>
        <translation>唯一样本的目标值 y，取值 0 到 1。</translation>
    </message>
    <message>
        <source>Weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>Bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>Target y</source>
        <translation>目标值 y</translation>
    </message>
    <message>
        <source>One neuron, one sample</source>
        <translation>单个神经元，单个样本</translation>
    </message>
    <message>
        <source>Classic start</source>
        <translation>经典起点</translation>
    </message>
    <message>
        <source>Every formula of the walkthrough shows this start&apos;s numbers.</source>
        <translation>推导中的每个公式都代入这个起点的数值。</translation>
    </message>
</context>
<context>
    <name>DerivationSteps</name>
    <message>
        <source>the quadratic cost and its gradients</source>
        <translation>二次代价函数及其梯度</translation>
    </message>
    <message>
        <source>the slope of the sigmoid, σ′(z)</source>
        <translation>sigmoid 函数的斜率 σ′(z)</translation>
    </message>
    <message>
        <source>the wish: a gradient proportional to the error</source>
        <translation>期望：梯度与误差成正比</translation>
    </message>
    <message>
        <source>the chain rule</source>
        <translation>链式法则</translation>
    </message>
    <message>
        <source>integrating over a</source>
        <translation>对 a 积分</translation>
    </message>
    <message>
        <source>why it is a cost</source>
        <translation>为什么它是代价函数</translation>
    </message>
    <message>
        <source>the payoff: σ′(z) cancels</source>
        <translation>收获：σ′(z) 被约去</translation>
    </message>
    <message>
        <source>At this start:</source>
        <translation>在这个起点：</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>One sigmoid neuron and one sample (x, y): z = w·x + b and a = σ(z). The quadratic cost and, by the chain rule, its gradients:</source>
        <translation>一个 sigmoid 神经元和一个样本 (x, y)：z = w·x + b，a = σ(z)。二次代价函数，以及用链式法则求出的梯度：</translation>
    </message>
    <message>
        <source>At this start, w = %1, b = %2, x = %3, y = %4:</source>
        <translation>在这个起点，w = %1, b = %2, x = %3, y = %4：</translation>
    </message>
    <message>
        <source>Both gradients carry the factor σ′(z), here %1: of the error a − y = %2, only %3 reaches b.</source>
        <translation>两个梯度都含有因子 σ′(z)，此处为 %1：误差 a − y = %2 中，只有 %3 传到了 b。</translation>
    </message>
    <message>
        <source>At the two classic starts (x = 1, y = 0):</source>
        <translation>在两个经典起点（x = 1, y = 0）：</translation>
    </message>
    <message>
        <source>this start</source>
        <translation>这个起点</translation>
    </message>
    <message>
        <source>Where the sigmoid is flat, σ′(z) is small: at z = %1 it is %2 times smaller than at z = %3. Lecture note 003 prints σ′ = 0.1539 and 0.0196, from a rounded to 0.81 and 0.98, and its second line slips to 0.1539 again; the values here are computed.</source>
        <translation>sigmoid 曲线平坦的地方，σ′(z) 很小：z = %3 处的 σ′(z) 是 z = %1 处的 %2 倍。讲义 003 给出的 σ′ = 0.1539 和 0.0196 是用四舍五入到 0.81 和 0.98 的 a 算出的，而且它的第二行又误写成了 0.1539；这里的数值都是实际计算的结果。</translation>
    </message>
    <message>
        <source>The factor σ′(z) is the slope of the sigmoid. It is written with the sigmoid itself, and it is never more than 1/4:</source>
        <translation>因子 σ′(z) 就是 sigmoid 函数的斜率。它可以用 sigmoid 函数本身表示，而且永远不超过 1/4：</translation>
    </message>
    <message>
        <source>A neuron that is badly wrong should learn fast. So we wish for a cost whose gradients are the error a − y itself, without σ′(z):</source>
        <translation>错得离谱的神经元应该学得快。因此我们希望有这样一个代价函数：它的梯度就是误差 a − y 本身，不含 σ′(z)：</translation>
    </message>
    <message>
        <source>wished</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>At this start the wish is %1 times the quadratic cost&apos;s gradient: 1/σ′(z).</source>
        <translation>在这个起点，期望的梯度是二次代价函数梯度的 1/σ′(z) 倍，即 %1 倍。</translation>
    </message>
    <message>
        <source>The cost depends on b only through a = σ(z), and ∂z/∂b = 1. By the chain rule:</source>
        <translation>代价只通过 a = σ(z) 依赖于 b，且 ∂z/∂b = 1。由链式法则：</translation>
    </message>
    <message>
        <source>Setting this equal to the wish a − y and solving for ∂C/∂a:</source>
        <translation>令它等于期望的 a − y，解出 ∂C/∂a：</translation>
    </message>
    <message>
        <source>Where the sigmoid is flat, σ′(z) is small, and ∂C/∂a must be large to make up for it: the cost has to rise steeply as a moves away from y.</source>
        <translation>sigmoid 曲线平坦的地方 σ′(z) 很小，∂C/∂a 就必须很大来弥补：a 偏离 y 时，代价必须急剧上升。</translation>
    </message>
    <message>
        <source>Split the fraction, and integrate over a (K is the constant of integration):</source>
        <translation>把分式拆开，再对 a 积分（K 为积分常数）：</translation>
    </message>
    <message>
        <source>That is one sample&apos;s cost. For n samples, the mean over the samples x:</source>
        <translation>这是单个样本的代价。对于 n 个样本，对所有样本 x 取平均：</translation>
    </message>
    <message>
        <source>This is the cross-entropy. At this start, with the constant 0:</source>
        <translation>这就是交叉熵。在这个起点，取常数为 0：</translation>
    </message>
    <message>
        <source>The constant changes no gradient; it is taken as 0. The slope of C at the start, the tangent on the plot, is the ∂C/∂a of the step before.</source>
        <translation>常数不改变任何梯度，因此取为 0。C 在起点处的斜率（图中的切线）就是上一步的 ∂C/∂a。</translation>
    </message>
    <message>
        <source>For a target between 0 and 1, the least cost, at a = y, is not 0 but the entropy of y (the constant can take it away):</source>
        <translation>目标值介于 0 和 1 之间时，最小代价（在 a = y 处）不是 0，而是 y 的熵（积分常数可以把它消掉）：</translation>
    </message>
    <message>
        <source>Two properties make it a cost: it is positive, and it goes to 0 as the output a approaches the target y.</source>
        <translation>两个性质使它成为代价函数：它是正的；输出 a 趋近目标值 y 时，它趋于 0。</translation>
    </message>
    <message>
        <source>The quadratic cost has both properties too: what the cross-entropy adds is the gradient of the next step.</source>
        <translation>二次代价函数也具有这两个性质：交叉熵多出来的，是下一步的梯度。</translation>
    </message>
    <message>
        <source>Differentiate the cross-entropy by the chain rule: the factor σ′(z) cancels against the a(1 − a) of ∂C/∂a.</source>
        <translation>用链式法则对交叉熵求导：∂C/∂a 中的 a(1 − a) 与因子 σ′(z) 相互约去。</translation>
    </message>
    <message>
        <source>For n samples, the mean over the samples x:</source>
        <translation>对于 n 个样本，对所有样本 x 取平均：</translation>
    </message>
    <message>
        <source>The larger the error, the faster it learns: at this start the cross-entropy&apos;s gradient is %1 times the quadratic&apos;s, 1/σ′(z).</source>
        <translation>误差越大，学得越快：在这个起点，交叉熵的梯度是二次代价函数梯度的 1/σ′(z) 倍，即 %1 倍。</translation>
    </message>
    <message>
        <source>z = w·x + b</source>
        <translation>z = w·x + b</translation>
    </message>
    <message>
        <source>output a</source>
        <translation>输出 a</translation>
    </message>
    <message>
        <source>cost C</source>
        <translation>代价 C</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The quadratic cost along z</source>
        <translation>二次代价函数随 z 的变化</translation>
    </message>
    <message>
        <source>The sigmoid and its slope</source>
        <translation>sigmoid 函数及其斜率</translation>
    </message>
    <message>
        <source>σ(z), σ′(z)</source>
        <translation>σ(z), σ′(z)</translation>
    </message>
    <message>
        <source>The gradient we have and the one we wish for</source>
        <translation>现有的梯度与期望的梯度</translation>
    </message>
    <message>
        <source>∂C/∂b</source>
        <translation>∂C/∂b</translation>
    </message>
    <message>
        <source>The ∂C/∂a the wish needs</source>
        <translation>实现期望所需的 ∂C/∂a</translation>
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
        <translation>斜率等于所需 ∂C/∂a 的代价函数</translation>
    </message>
    <message>
        <source>The cross-entropy for y = 0 and y = 1</source>
        <extracomment>Qt&apos;s own shape items: they set their pens in C++, where _CosmeticScalingPainter cannot widen them (a Python subclass, like pyqtgraph&apos;s, may set them through it as well). What paints a fragment: called with a painter whose origin is the fragment&apos;s. the parts of a painter&apos;s state passed on to the SVG writer as they are: (what changed, the writer&apos;s setter, the state&apos;s getter); the clip is worked out apart, the transform last Compiled translations of nnlab&apos;s own strings: ``nnlab_&lt;language&gt;.qm``. The languages of the interface, each named in itself (the menu shows them so, in any language: a reader finds their own). QSettings key: the language chosen in View › Language Latin fonts for formulas and numbers, first found first: a CJK font&apos;s Latin and Greek letters are wide, and &quot;∂C/∂w = x·∂C/∂b&quot; wrapped onto four lines in one Chinese fonts by language, first found first (Debian: fonts-noto-cjk) The slider&apos;s steps: a hundredth of z; an arrow key moves it a tenth, Page Up/Down one. Keys the focused slider and typed value keep from the window&apos;s shortcuts. The z marked as the lesson opens: left of 0, where the five functions all differ (the sigmoid&apos;s slope 0.105, tanh&apos;s 0.071, ReLU&apos;s 0, leaky ReLU&apos;s 0.01, linear&apos;s 1). The depths n of the (max σ′)ⁿ plot. The depth marked on it: the hidden layers of the preset deep-sigmoid-vs-relu. XOR&apos;s four corners (x₁, x₂, class), and the straight cut x₁ + x₂ = XOR_CUT that a net without a non-linearity might make: it puts (1, 1) on the wrong side, as every straight cut puts at least one corner. The presets the lesson opens in the lab. a name of its own, so that pyside6-lupdate finds the texts it translates Each step&apos;s plot and notes (view keys). The notes stand beside the plot where the dashboard is at least this many times as wide as it is high and each half is at least MIN_COLUMN_EMS font sizes wide; elsewhere under it. The share of the width the notes take beside the plot (their rows of names, formulas and numbers need more than the plot), less on a dashboard at least WIDE_DASHBOARD pixels wide. the times have been measured (and are on show) a name of its own, so that pyside6-lupdate finds the texts it translates The values&apos; y range: the bounded functions whole, the unbounded ones as far as they stay near them. A tangent reaches this far in z either side of its point, or less where it is steep (at most TANGENT_Y_SHARE of the y range). The slopes&apos; plot: the curves from 0 to SLOPE_TOP, and under 0 a lane for each function, LANE_HEIGHT high (LANE_FILL of it filled where it saturates). a name of its own, so that pyside6-lupdate finds the texts it translates a name of its own, so that pyside6-lupdate finds the texts it translates A column of numbers is counted at least this many line heights wide (see NotesView._compact). Marker symbols, in the same order: a point&apos;s function without its colour. a name of its own, so that pyside6-lupdate finds the texts it translates a name of its own, so that pyside6-lupdate finds the texts it translates The plane shown, in x₁ and x₂. The half-planes reach this far beyond the plane shown. The x axes the descent plot can show the loss against. The mini-batch sizes that may be chosen (21 samples: 2 … 20 makes a batch of several). a name of its own, so that pyside6-lupdate finds the texts it translates The diagram stands beside the formulas on a dashboard at least this many times as wide as it is high, where each half is at least MIN_COLUMN_EMS font sizes wide; elsewhere above them. In projector mode, with the diagram above the formulas, the formulas&apos; share of the height (their large type needs it more than the diagram, whose labels shrink to fit). how long the last training of the three methods took, in seconds the largest seed the spin box takes a name of its own, so that pyside6-lupdate finds the texts it translates Significant digits of a gradient and its finite difference: they agree to all six. a of every unit for the same sample through the updated network (the last step) the step at which each unit&apos;s z and a are known, and its δ a name of its own, so that pyside6-lupdate finds the texts it translates The loss axis reaches this many times the highest loss: the legend sits above the curves. each method&apos;s line style (its colour: Theme.run_color of its name) a name of its own, so that pyside6-lupdate finds the texts it translates From roomy to compact: the share of the theme&apos;s size the step is set at; the first that fits without scrolling is taken. Not below 0.8 of the theme&apos;s size, nor below MIN_POINT_SIZE: smaller type cannot be read from the back of a room (a projector&apos;s large type may go down to 0.6, which is still larger than the normal theme&apos;s). whether the formulas side by side are set one under the other (a narrow place) a name of its own, so that pyside6-lupdate finds the texts it translates A unit&apos;s radius, in line heights of the label font. The shares of the span between the top and bottom rows at which the units sit. The shares along a connection a label may sit at (from the layer it leaves). The label sizes tried, largest first, until everything fits (relative to LABEL_SCALE), but none below MIN_POINT_SIZE: a projector&apos;s large type may shrink further than the normal theme&apos;s. The start the lesson opens at: the saturated one, whose slow learning it explains. a name of its own, so that pyside6-lupdate finds the texts it translates The presets of the classic starts, in the order of CLASSIC_STARTS: the neuron lesson opens them as they are (with their names), any other start as the second one changed. The formulas stand beside the plot on a dashboard at least this many times as wide as it is high, where each half is at least MIN_COLUMN_EMS font sizes wide; elsewhere (a 1024-pixel screen beside the lesson list and the panel) above it, both the whole width. each field&apos;s key in an experiment file, whose rule it checks by a name of its own, so that pyside6-lupdate finds the texts it translates The z axis of the plots over z, unless a start lies further out. The axis of the plots over the output a: (0, 1) and a little room for the ticks at its ends. Beyond this |z| the curves over z show nothing new (σ(40) = 1 − 4·10⁻¹⁸).</extracomment>
        <translation>y = 0 和 y = 1 时的交叉熵</translation>
    </message>
    <message>
        <source>How fast each cost learns</source>
        <translation>各代价函数的学习速度</translation>
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
        <translation>轮次</translation>
    </message>
    <message>
        <source>parameter updates</source>
        <translation>参数更新次数</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>已处理样本数</translation>
    </message>
    <message>
        <source>%1 (all samples)</source>
        <translation>%1（全部样本）</translation>
    </message>
    <message>
        <source>%1 (batches of %2)</source>
        <translation>%1（每批 %2 个样本）</translation>
    </message>
    <message>
        <source>Batch, stochastic and mini-batch descent</source>
        <translation>批量、随机与小批量梯度下降</translation>
    </message>
    <message>
        <source>mean loss ℒ over the 21 samples</source>
        <translation>21 个样本的平均损失 ℒ</translation>
    </message>
</context>
<context>
    <name>EpochPlot</name>
    <message>
        <source>epoch</source>
        <extracomment>The lesson&apos;s two runs keep their colours in every figure, so slides and screen agree. Colours for any further run, in order of preference. Yellow is left out: it is nearly invisible on white; bluish green is the accent (tangent, start marker). What marks a bad value: a field&apos;s frame, the reason under it, a diverged run&apos;s warning. Symbols that tell the runs apart without colour (first run, second run, …). At most this many decades of |∂C/∂w| are shown below the largest value on the log axis: a gradient that underflows towards 10⁻³⁰⁰ must not squash the lesson&apos;s 10⁻² … 10⁰. Legend text relative to the theme&apos;s font: legends name what the axes and colours show, they are not the lesson. Nearly opaque: a curve passing under the legend must not make its text unreadable. Between the legend&apos;s box and the plot&apos;s edge, in pixels (the legends&apos; offset). The legend of a plot against the epoch moves to another corner only when there it would hide at most this share of the curve points it hides where it is, and where it is it hides at least LEGEND_MOVE_MIN_POINTS: it should not wander about as the curves grow. Points counted along each segment of a polyline when the legend picks a corner: the legend should not hide the line between two far-apart points (a five-epoch run has six). (x, y) of the legend&apos;s corner, in order of preference: top right, where the lesson&apos;s costs and gradients leave most room, first. Pixels above and below a legend that sits in a row of its own above the plot. An axis label longer than its axis is set smaller, down to this share of the theme&apos;s size. A run&apos;s only point (epoch 0) is drawn as a marker this size relative to the theme&apos;s: a line through one point draws nothing.</extracomment>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>ExperimentPanel</name>
    <message>
        <source>w = 0.6, b = 0.9 (mild)</source>
        <translation>w = 0.6, b = 0.9（温和）</translation>
    </message>
    <message>
        <source>w = 2, b = 2 (saturated)</source>
        <translation>w = 2, b = 2（饱和）</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>The two classic starts of the lesson: a mild one (a = 0.82) and a saturated one (a = 0.98). Both runs always start from the same w and b.</source>
        <translation>本课的两个经典起点：温和起点（a = 0.82）和饱和起点（a = 0.98）。两次运行总是从相同的 w 和 b 开始。</translation>
    </message>
    <message>
        <source>The input x of the single training sample.</source>
        <translation>唯一训练样本的输入 x。</translation>
    </message>
    <message>
        <source>The desired output y, between 0 and 1.</source>
        <translation>目标输出 y，介于 0 和 1 之间。</translation>
    </message>
    <message>
        <source>The starting weight w. You can also drag the start point on the sigmoid plot or click on a cost surface.</source>
        <translation>初始权重 w。也可以在 sigmoid 图上拖动起点，或在代价曲面上单击。</translation>
    </message>
    <message>
        <source>The starting bias b.</source>
        <translation>初始偏置 b。</translation>
    </message>
    <message>
        <source>The learning rate η: each epoch moves w and b by −η times the gradient.</source>
        <translation>学习率 η：每个轮次将 w 和 b 移动梯度的 −η 倍。</translation>
    </message>
    <message>
        <source>How many epochs (gradient steps) to train.</source>
        <translation>训练多少个轮次（梯度下降的步数）。</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>Target y</source>
        <translation>目标值 y</translation>
    </message>
    <message>
        <source>Start weight w</source>
        <translation>初始权重 w</translation>
    </message>
    <message>
        <source>Start bias b</source>
        <translation>初始偏置 b</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>代价函数</translation>
    </message>
    <message>
        <source>Quadratic</source>
        <translation>二次代价函数</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵代价函数</translation>
    </message>
    <message>
        <source>Both, side by side</source>
        <translation>两者并排比较</translation>
    </message>
    <message>
        <source>C = ½(a − y)²: its gradient carries σ&apos;(z).</source>
        <translation>C = ½(a − y)²：其梯度含有 σ&apos;(z) 因子。</translation>
    </message>
    <message>
        <source>C = −[y ln a + (1 − y) ln(1 − a)]: σ&apos;(z) cancels.</source>
        <translation>C = −[y ln a + (1 − y) ln(1 − a)]：σ&apos;(z) 被约去。</translation>
    </message>
    <message>
        <source>Two runs from the same start on the same data, one per cost.</source>
        <translation>从同一起点、在同一数据上的两次运行，每种代价函数各一次。</translation>
    </message>
    <message>
        <source>Second start</source>
        <translation>第二个起点</translation>
    </message>
    <message>
        <source>Train every cost from a second start (w, b) as well, on the same plots: each start has its own line style and marker, each cost its colour.</source>
        <translation>每种代价函数也从第二个起点 (w, b) 开始训练，画在同一组图上：每个起点有自己的线型和标记，每种代价函数有自己的颜色。</translation>
    </message>
    <message>
        <source>The second start&apos;s weight w.</source>
        <translation>第二个起点的权重 w。</translation>
    </message>
    <message>
        <source>The second start&apos;s bias b.</source>
        <translation>第二个起点的偏置 b。</translation>
    </message>
    <message>
        <source>Start 2: weight w</source>
        <translation>起点 2：权重 w</translation>
    </message>
    <message>
        <source>Start 2: bias b</source>
        <translation>起点 2：偏置 b</translation>
    </message>
    <message>
        <source>Start 2 is the same as start 1: change its w or b.</source>
        <translation>起点 2 与起点 1 相同：请修改它的 w 或 b。</translation>
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
        <translation>上一步 (← 键)</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>下一步 →</translation>
    </message>
    <message>
        <source>The next step (Right arrow)</source>
        <translation>下一步 (→ 键)</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export “%1”</source>
        <translation>导出“%1”</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Width of the PNG image; by default a full-HD slide (16:9) or wider, sharp on a projector</source>
        <translation>PNG 图像的宽度；默认为全高清幻灯片（16:9）或更宽，在投影仪上也清晰</translation>
    </message>
    <message>
        <source>Add a caption with the settings</source>
        <translation>添加包含设置的图注</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>“%1” already exists. Do you want to replace it?</source>
        <translation>“%1”已存在。要替换它吗？</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>a finite number</source>
        <extracomment>Set an axis label smaller where the axis is too short for it (see fit_axis_labels). the plots whose epoch axis follows this one&apos;s (see link_epoch_axes) a name of its own, so that pyside6-lupdate finds the texts it translates</extracomment>
        <translation>有限数值</translation>
    </message>
    <message>
        <source>a number of at least %1</source>
        <translation>不小于 %1 的数</translation>
    </message>
    <message>
        <source>a number from %1 to %2</source>
        <translation>%1 到 %2 之间的数</translation>
    </message>
    <message>
        <source>a number more than %1 and at most %2</source>
        <translation>大于 %1 且不超过 %2 的数</translation>
    </message>
    <message>
        <source>a number from %1 to less than %2</source>
        <translation>不小于 %1 且小于 %2 的数</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a whole number of at least %1</source>
        <translation>不小于 %1 的整数</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>%1 (%2) is empty: it must be %3.</source>
        <translation>%1 (%2) 为空：必须为%3。</translation>
    </message>
    <message>
        <source>%1 (%2) = %3 is not a whole number: it must be %4.</source>
        <translation>%1 (%2) = %3 不是整数：必须为%4。</translation>
    </message>
    <message>
        <source>%1 (%2) = %3 is not a number: it must be %4.</source>
        <translation>%1 (%2) = %3 不是数值：必须为%4。</translation>
    </message>
    <message>
        <source>%1 (%2) = %3: must be %4.</source>
        <translation>%1 (%2) = %3：必须为%4。</translation>
    </message>
</context>
<context>
    <name>FitView</name>
    <message>
        <source>No data to show yet.</source>
        <extracomment>x values each run&apos;s curve is evaluated at: smooth at any width, and a 1-16-16-1 network answers all of them in well under a millisecond. Room round the data, as a share of their extent, on every side ... ... and above them, where the legend goes. Opacity of the training points (0–255): the curves lie on top and must stay readable.</extracomment>
        <translation>暂无可显示的数据。</translation>
    </message>
    <message>
        <source>Fitted curve</source>
        <translation>拟合曲线</translation>
    </message>
    <message>
        <source>The fitted curve is for regression: these data have classes.</source>
        <translation>拟合曲线用于回归：这些数据是分类数据。</translation>
    </message>
    <message>
        <source>The fitted curve needs data with one input and one number to learn; these have %1 inputs and %2.</source>
        <translation>拟合曲线需要只有一个输入、一个待学习数值的数据；这些数据有 %1 个输入和 %2 个待学习数值。</translation>
    </message>
    <message>
        <source>training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>test data</source>
        <translation>测试数据</translation>
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
        <translation>学习速度</translation>
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
        <translation>隐藏层输出为零的比例（%）</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>outputs at 0 (%)</source>
        <translation>输出为 0（%）</translation>
    </message>
</context>
<context>
    <name>LabAccuracyPlot</name>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>A regression has no accuracy: its outputs are numbers, not classes. The cost, the mean squared error, measures how far they are from the targets.</source>
        <translation>回归没有准确率：它的输出是数值，而不是类别。代价函数（均方误差）衡量输出与目标值相差多远。</translation>
    </message>
</context>
<context>
    <name>LabCostPlot</name>
    <message>
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>cost C</source>
        <translation>代价 C</translation>
    </message>
    <message>
        <source>Cost (MSE)</source>
        <translation>代价（均方误差）</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
</context>
<context>
    <name>LabEpochPlot</name>
    <message>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>parameter updates</source>
        <extracomment>A diverged run&apos;s cost climbs towards infinity before it becomes NaN. The cost axis follows it only up to this many times the largest starting cost: above that the curve leaves the top of the plot (which is the lesson: it blew up) and the other runs stay readable. Likewise the gradient axis follows a diverged run&apos;s norms only up to this many decades above the largest norm at epoch 0. The line-style entries of the cost and accuracy legends (key, text, pen style). The test curves&apos; dashes and gaps, in line widths. The gradient view puts the zero shares beside the gradients when it is this many times wider than high, under them otherwise. What the cost and accuracy curves can be drawn against: each is a history column. QSettings key: the x axis last chosen for the lab&apos;s curves</extracomment>
        <translation>参数更新次数</translation>
    </message>
    <message>
        <source>samples seen</source>
        <translation>已处理样本数</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Parameter updates</source>
        <translation>参数更新次数</translation>
    </message>
    <message>
        <source>Samples seen</source>
        <translation>已处理样本数</translation>
    </message>
    <message>
        <source>Plot against</source>
        <extracomment>&quot;parameter updates&quot; is longer than &quot;epoch&quot;: in a narrow plot it is set smaller what the curves are drawn against: EPOCHS, UPDATES or SAMPLES</extracomment>
        <translation>横轴</translation>
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
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Open &amp;dataset…</source>
        <translation>打开数据集(&amp;D)…</translation>
    </message>
    <message>
        <source>Learn from a CSV file or MNIST-style IDX files (or drop them on the window)</source>
        <translation>从 CSV 文件或 MNIST 格式的 IDX 文件学习（也可将文件拖放到窗口上）</translation>
    </message>
    <message>
        <source>Epochs trained of those planned</source>
        <extracomment>what the download dialog is given (tests: a local server&apos;s mirrors and files)</extracomment>
        <translation>已训练轮次 / 计划轮次</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Cannot use these settings</source>
        <translation>无法使用这些设置</translation>
    </message>
    <message>
        <source>%1: %2 training and %3 test samples, %4 inputs, %5 classes</source>
        <translation>%1：%2 个训练样本和 %3 个测试样本，%4 个输入，%5 个类别</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>Cannot open dataset</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <source>Opened %1: %2 samples, %3 inputs, %4 classes</source>
        <translation>已打开 %1：%2 个样本，%3 个输入，%4 个类别</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>无法打开实验</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Loading data</source>
        <translation>正在加载数据</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>已取消加载</translation>
    </message>
    <message>
        <source>Still loading data: wait, or cancel the loading first</source>
        <translation>仍在加载数据：请等待，或先取消加载</translation>
    </message>
    <message>
        <source>Epoch %1 of %2</source>
        <translation>第 %1 轮，共 %2 轮</translation>
    </message>
    <message>
        <source>%1: test accuracy %2</source>
        <translation>%1：测试准确率 %2</translation>
    </message>
    <message>
        <source>%1: training accuracy %2</source>
        <translation>%1：训练准确率 %2</translation>
    </message>
    <message>
        <source>%1: diverged</source>
        <translation>%1：已发散</translation>
    </message>
    <message>
        <source>The %1 run stopped: %2</source>
        <translation>%1 运行已停止：%2</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>剩余约 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>批量 %1</translation>
    </message>
    <message>
        <source>Runs: %1</source>
        <translation>运行：%1</translation>
    </message>
    <message>
        <source>layers %1</source>
        <translation>层 %1</translation>
    </message>
    <message>
        <source>epoch %1 of %2</source>
        <translation>第 %1 轮，共 %2 轮</translation>
    </message>
    <message>
        <source>Open one CSV file, or an IDX images file with its labels file (got %1 files)</source>
        <translation>请打开一个 CSV 文件，或一个 IDX 图像文件及其标签文件（收到了 %1 个文件）</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *idx* *ubyte* *.gz);;All files (*)</source>
        <translation>数据文件 (*.csv *.tsv *.txt *idx* *ubyte* *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1: test MSE %2</source>
        <translation>%1：测试均方误差 %2</translation>
    </message>
    <message>
        <source>%1: training MSE %2</source>
        <translation>%1：训练均方误差 %2</translation>
    </message>
    <message>
        <source>%1: %2 training and %3 test samples; inputs: %4, numbers to learn: %5</source>
        <translation>%1：%2 个训练样本和 %3 个测试样本，%4 个输入，%5 个待学习数值</translation>
    </message>
    <message>
        <source>Opened %1: %2 samples; inputs: %3, numbers to learn: %4</source>
        <translation>已打开 %1：%2 个样本，%3 个输入，%4 个待学习数值</translation>
    </message>
    <message>
        <source>Download &amp;MNIST…</source>
        <translation>下载 MNIST(&amp;M)…</translation>
    </message>
    <message>
        <source>Download the full MNIST handwritten digits (%1 MB, once) and learn from its 60,000 + 10,000 images</source>
        <translation>下载完整的 MNIST 手写数字（%1 MB，只需下载一次），并用其中的 60,000 + 10,000 张图像学习</translation>
    </message>
    <message>
        <source>%1 epochs on %2 samples: about %3 on this computer</source>
        <translation>用 %2 个样本训练 %1 个轮次：在本机上约需 %3</translation>
    </message>
    <message>
        <source>%1 epochs of %2 runs on %3 samples: about %4 on this computer</source>
        <translation>%2 次运行各用 %3 个样本训练 %1 个轮次：在本机上约需 %4</translation>
    </message>
    <message>
        <source>training takes about %1</source>
        <translation>训练约需 %1</translation>
    </message>
    <message>
        <source>The cancelled download is still stopping: try again in a moment</source>
        <translation>已取消的下载仍在停止中：请稍后再试</translation>
    </message>
    <message>
        <source>Download cancelled: the lab keeps its data</source>
        <translation>已取消下载：实验室保留原有的数据</translation>
    </message>
    <message>
        <source>Cannot download MNIST</source>
        <translation>无法下载 MNIST</translation>
    </message>
    <message>
        <source>MNIST downloaded: learning from its %1 training and %2 test images</source>
        <translation>MNIST 已下载：用其中的 %1 张训练图像和 %2 张测试图像学习</translation>
    </message>
    <message>
        <source>Download MNIST?</source>
        <translation>要下载 MNIST 吗？</translation>
    </message>
    <message>
        <source>These settings learn from the full MNIST, which is not downloaded yet. Download it now (%1 MB)?</source>
        <translation>这些设置要用完整的 MNIST 学习，但它尚未下载。现在下载吗（%1 MB）？</translation>
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
        <translation>请从输入到输出依次输入各层大小，%1。</translation>
    </message>
    <message>
        <source>A layer size is missing: write the sizes from the inputs to the outputs, %1.</source>
        <translation>缺少某一层的大小：请从输入到输出依次写出各层大小，%1。</translation>
    </message>
    <message>
        <source>“%1” is not a layer size: layer sizes are whole numbers, %2.</source>
        <translation>“%1”不是层大小：层大小必须是整数，%2。</translation>
    </message>
    <message>
        <source>%1 layers: a network has %2 to %3 layers (the inputs, up to %4 hidden layers, the outputs) (%5).</source>
        <translation>%1 层：网络应有 %2 到 %3 层（输入层、至多 %4 个隐藏层、输出层）（%5）。</translation>
    </message>
    <message>
        <source>Hidden layer %1 has %2 units: a hidden layer has %3 to %4 (%5).</source>
        <translation>隐藏层 %1 有 %2 个单元：隐藏层应有 %3 到 %4 个单元（%5）。</translation>
    </message>
    <message>
        <source>The input layer has %1 units: inputs and outputs have %2 to %3 (%4).</source>
        <translation>输入层有 %1 个单元：输入层和输出层应有 %2 到 %3 个单元（%4）。</translation>
    </message>
    <message>
        <source>The output layer has %1 units: inputs and outputs have %2 to %3 (%4).</source>
        <translation>输出层有 %1 个单元：输入层和输出层应有 %2 到 %3 个单元（%4）。</translation>
    </message>
    <message>
        <source>The data have %1 inputs and %2 classes: start with %1 and end with %2, e.g. %3.</source>
        <translation>数据有 %1 个输入和 %2 个类别：应以 %1 开头、以 %2 结尾，例如 %3。</translation>
    </message>
    <message>
        <source>Enter the learning rates to compare, e.g. 0.1, 0.5, 3.</source>
        <translation>请输入要比较的学习率，例如 0.1, 0.5, 3。</translation>
    </message>
    <message>
        <source>Each η</source>
        <translation>各个 η</translation>
    </message>
    <message>
        <source>η = %1 is there twice: each run needs a different η.</source>
        <translation>η = %1 出现了两次：每次运行需要不同的 η。</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Test fraction</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <source>Tick at least one cost: each ticked cost is one run.</source>
        <translation>请至少勾选一个代价函数：每个勾选的代价函数对应一次运行。</translation>
    </message>
    <message>
        <source>The runs differ in the %1, so tick exactly one cost.</source>
        <translation>各次运行的区别在于%1，因此请只勾选一个代价函数。</translation>
    </message>
    <message>
        <source>Mini-batch size</source>
        <translation>小批量大小</translation>
    </message>
    <message>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>σ(z) = 1/(1 + e^−z): smooth, but its slope is tiny where it saturates, so deep sigmoid networks learn slowly.</source>
        <translation>σ(z) = 1/(1 + e^−z)：平滑，但在饱和区斜率极小，因此深层 sigmoid 网络学得很慢。</translation>
    </message>
    <message>
        <source>tanh(z): like the sigmoid but centred on 0, from −1 to 1.</source>
        <translation>tanh(z)：与 sigmoid 相似，但以 0 为中心，取值从 −1 到 1。</translation>
    </message>
    <message>
        <source>max(0, z): slope 1 for every positive z, so gradients do not fade through many layers.</source>
        <translation>max(0, z)：对所有正的 z 斜率都为 1，因此梯度穿过多层也不会逐渐消失。</translation>
    </message>
    <message>
        <source>Like ReLU, but a small slope for negative z keeps every unit learning.</source>
        <translation>与 ReLU 相似，但负 z 处的小斜率让每个单元都能持续学习。</translation>
    </message>
    <message>
        <source>a = z: no bend at all, so the whole network stays a linear map.</source>
        <translation>a = z：完全没有弯折，因此整个网络仍是一个线性映射。</translation>
    </message>
    <message>
        <source>One step per epoch, with the gradient of all training samples.</source>
        <translation>每个轮次走一步，使用全部训练样本的梯度。</translation>
    </message>
    <message>
        <source>SGD (1 sample)</source>
        <translation>SGD（1 个样本）</translation>
    </message>
    <message>
        <source>One step per sample: many small, noisy steps per epoch.</source>
        <translation>每个样本走一步：每个轮次有许多带噪声的小步。</translation>
    </message>
    <message>
        <source>One step per mini-batch of samples: the usual compromise.</source>
        <translation>每个小批量样本走一步：常用的折中方案。</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>代价函数</translation>
    </message>
    <message>
        <source>hidden activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>The samples the network learns from: handwritten digits, small toy problems, or your own file.</source>
        <translation>网络用来学习的样本：手写数字、小型玩具问题，或你自己的文件。</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Learn from your own data: a CSV file (one sample per row, the label in one column) or MNIST&apos;s IDX files.</source>
        <translation>用你自己的数据学习：CSV 文件（每行一个样本，标签占一列）或 MNIST 的 IDX 文件。</translation>
    </message>
    <message>
        <source>How much random jitter is added to each point: more noise makes the classes overlap.</source>
        <translation>给每个点加入的随机扰动大小：噪声越大，各类别重叠越多。</translation>
    </message>
    <message>
        <source>The share of samples kept aside to test the network on data it never trained on (0 = no test set).</source>
        <translation>留出的样本比例，用于在网络从未训练过的数据上测试网络（0 = 没有测试集）。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>file: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Layer sizes from the inputs to the outputs, e.g. 64-30-10: 64 inputs, one hidden layer of 30 units, 10 outputs (one per class).</source>
        <translation>从输入到输出的各层大小，例如 64-30-10：64 个输入，一个含 30 个单元的隐藏层，10 个输出（每个类别一个）。</translation>
    </message>
    <message>
        <source>per layer…</source>
        <translation>逐层设置…</translation>
    </message>
    <message>
        <source>Choose the activation of each hidden layer.</source>
        <translation>为每个隐藏层选择激活函数。</translation>
    </message>
    <message>
        <source>The function each hidden unit applies to its weighted input z.</source>
        <translation>每个隐藏单元作用于其带权输入 z 的函数。</translation>
    </message>
    <message>
        <source>The activation of hidden layer %1 (counted from the inputs).</source>
        <translation>隐藏层 %1 的激活函数（从输入端开始计数）。</translation>
    </message>
    <message>
        <source>Hidden layer %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>Each output unit is a sigmoid between 0 and 1, on its own.</source>
        <translation>每个输出单元各自是一个 sigmoid，取值介于 0 和 1 之间。</translation>
    </message>
    <message>
        <source>The outputs are positive and add up to 1, like probabilities of the classes.</source>
        <translation>各输出均为正且总和为 1，就像各类别的概率。</translation>
    </message>
    <message>
        <source>How the output layer turns its weighted inputs into the network&apos;s answer.</source>
        <translation>输出层如何把带权输入转换为网络的答案。</translation>
    </message>
    <message>
        <source>standard N(0, 1)</source>
        <translation>标准 N(0, 1)</translation>
    </message>
    <message>
        <source>Every weight and bias drawn from N(0, 1): big weights that often start saturated.</source>
        <translation>每个权重和偏置都从 N(0, 1) 中抽取：权重较大，常常一开始就处于饱和区。</translation>
    </message>
    <message>
        <source>scaled N(0, 1/n)</source>
        <translation>缩放 N(0, 1/n)</translation>
    </message>
    <message>
        <source>Weights from N(0, 1/n) for n inputs, so z starts small and the units are not saturated.</source>
        <translation>对于 n 个输入，权重从 N(0, 1/n) 中抽取，因此 z 起初较小，单元不会饱和。</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>Weights from N(0, 2/(n_in + n_out)), biases 0: suits sigmoid and tanh.</source>
        <translation>权重从 N(0, 2/(n_in + n_out)) 中抽取，偏置为 0：适用于 sigmoid 和 tanh。</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>Weights from N(0, 2/n_in), biases 0: suits ReLU.</source>
        <translation>权重从 N(0, 2/n_in) 中抽取，偏置为 0：适用于 ReLU。</translation>
    </message>
    <message>
        <source>How the starting weights and biases are drawn (every run starts from the same ones).</source>
        <translation>初始权重和偏置的抽取方式（每次运行都从同一组初始值开始）。</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Hidden activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>C = ½‖a − y‖²: its gradient carries σ&apos;(z), so saturated units learn slowly.</source>
        <translation>C = ½‖a − y‖²：其梯度含有 σ&apos;(z) 因子，因此饱和的单元学得慢。</translation>
    </message>
    <message>
        <source>C = −Σ y ln a (…): σ&apos;(z) cancels, so a unit learns fastest when it is most wrong.</source>
        <translation>C = −Σ y ln a (…)：σ&apos;(z) 被约去，因此单元错得越多，学得越快。</translation>
    </message>
    <message>
        <source>The cost the network minimises; each ticked cost is one run, side by side.</source>
        <translation>网络要最小化的代价函数；每个勾选的代价函数对应一次运行，并排进行。</translation>
    </message>
    <message>
        <source>How many samples each gradient step looks at.</source>
        <translation>每个梯度步使用多少个样本。</translation>
    </message>
    <message>
        <source>How many samples each mini-batch holds.</source>
        <translation>每个小批量包含多少个样本。</translation>
    </message>
    <message>
        <source>The learning rate η: each step moves the weights by −η times the gradient.</source>
        <translation>学习率 η：每一步将权重移动梯度的 −η 倍。</translation>
    </message>
    <message>
        <source>Momentum μ from 0 to just under 1: each step keeps μ times the previous step (0 = plain gradient descent).</source>
        <translation>动量 μ，取值从 0 到略小于 1：每一步保留上一步的 μ 倍（0 = 普通梯度下降）。</translation>
    </message>
    <message>
        <source>L2 regularisation λ: pulls every weight towards 0 a little each step (0 = none).</source>
        <translation>L2 正则化 λ：每一步都把每个权重向 0 拉近一点（0 = 不使用）。</translation>
    </message>
    <message>
        <source>How many times the network goes through all training samples.</source>
        <translation>网络遍历全部训练样本的次数。</translation>
    </message>
    <message>
        <source>The seed of the random numbers (data, start, order of samples): the same seed gives the same run.</source>
        <translation>随机数的种子（用于数据、起点和样本顺序）：相同的种子得到相同的运行。</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>代价函数</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>One run per ticked cost.</source>
        <translation>每个勾选的代价函数对应一次运行。</translation>
    </message>
    <message>
        <source>One run per ticked activation (every hidden layer uses it); tick one cost.</source>
        <translation>每个勾选的激活函数对应一次运行（所有隐藏层都使用它）；请勾选一个代价函数。</translation>
    </message>
    <message>
        <source>One run per ticked optimiser; tick one cost.</source>
        <translation>每个勾选的优化器对应一次运行；请勾选一个代价函数。</translation>
    </message>
    <message>
        <source>One run per learning rate; tick one cost.</source>
        <translation>每个学习率对应一次运行；请勾选一个代价函数。</translation>
    </message>
    <message>
        <source>The one setting the runs differ in; everything else, the start and the order of the samples are the same in every run.</source>
        <translation>各次运行之间唯一不同的设置；其余一切，包括起点和样本顺序，在每次运行中都相同。</translation>
    </message>
    <message>
        <source>The hidden activations to compare: one run each.</source>
        <translation>要比较的隐藏层激活函数：每个对应一次运行。</translation>
    </message>
    <message>
        <source>The optimisers to compare: one run each.</source>
        <translation>要比较的优化器：每个对应一次运行。</translation>
    </message>
    <message>
        <source>The learning rates to compare, separated by commas, e.g. 0.1, 0.5, 3: one run each.</source>
        <translation>要比较的学习率，用逗号分隔，例如 0.1, 0.5, 3：每个对应一次运行。</translation>
    </message>
    <message>
        <source>Runs differ in</source>
        <translation>比较的设置</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>The label column names a class: the network picks one.</source>
        <translation>标签列给出类别：网络从各类别中选出一个。</translation>
    </message>
    <message>
        <source>numbers (regression)</source>
        <translation>数值（回归）</translation>
    </message>
    <message>
        <source>The label column holds a number: the network learns to answer it, with a linear output and the quadratic cost (the mean squared error).</source>
        <translation>标签列是一个数值：网络学会输出这个数值，使用线性输出和二次代价函数（即均方误差）。</translation>
    </message>
    <message>
        <source>What the file&apos;s label column holds: classes or numbers.</source>
        <translation>文件的标签列是什么：类别还是数值。</translation>
    </message>
    <message>
        <source>How many points the toy problem draws (training and test together).</source>
        <translation>玩具问题生成多少个点（训练集和测试集合计）。</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>a = z: any number, for regression; trained with the quadratic cost (the mean squared error).</source>
        <translation>a = z：可以是任意数值，用于回归；用二次代价函数（即均方误差）训练。</translation>
    </message>
    <message>
        <source>The data have inputs: %1, numbers to learn: %2. Start with %1 and end with %2, e.g. %3.</source>
        <translation>数据有 %1 个输入和 %2 个待学习数值：应以 %1 开头、以 %2 结尾，例如 %3。</translation>
    </message>
    <message>
        <source>MNIST (60,000 + 10,000 images)</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates</extracomment>
        <translation>MNIST（60,000 + 10,000 张图像）</translation>
    </message>
    <message>
        <source>The full MNIST handwritten digits, 28×28 pixels, with their official split: 60,000 to train on and 10,000 to test.</source>
        <translation>完整的 MNIST 手写数字，28×28 像素，采用官方划分：60,000 张用于训练，10,000 张用于测试。</translation>
    </message>
    <message>
        <source>MNIST (download, %1 MB)</source>
        <translation>MNIST（需下载，%1 MB）</translation>
    </message>
    <message>
        <source>Download the full MNIST (%1 MB, once: it stays in the cache) and learn from its 60,000 + 10,000 images.</source>
        <translation>下载完整的 MNIST（%1 MB，只需下载一次：之后保留在缓存中），并用其中的 60,000 + 10,000 张图像学习。</translation>
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
        <translation>MNIST 子集（5,000 张图像，可离线使用）</translation>
    </message>
    <message>
        <source>5,000 of MNIST&apos;s 28×28 handwritten digits (500 of each), shipped with nnlab: no download.</source>
        <translation>MNIST 中的 5,000 个 28×28 手写数字（每个数字 500 个），随 nnlab 附带：无需下载。</translation>
    </message>
    <message>
        <source>float64</source>
        <translation>float64</translation>
    </message>
    <message>
        <source>64-bit numbers: results to the last digit.</source>
        <translation>64 位数值：结果精确到最后一位。</translation>
    </message>
    <message>
        <source>float32 (faster)</source>
        <translation>float32（更快）</translation>
    </message>
    <message>
        <source>32-bit numbers: about 1.5× faster on MNIST-size data, and agrees with float64 to about 7 digits.</source>
        <translation>32 位数值：在 MNIST 规模的数据上约快 1.5 倍，与 float64 的结果约有前 7 位有效数字相同。</translation>
    </message>
    <message>
        <source>The numbers the network computes with: float64, or float32, about 1.5× faster and agreeing to about 7 digits.</source>
        <translation>网络计算时所用的数值：float64，或 float32（约快 1.5 倍，结果约有前 7 位有效数字相同）。</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>数值精度</translation>
    </message>
    <message>
        <source>Off: each run has its own η, set below (compare.learning_rates in the experiment file). Compare something else to set one η for every run.</source>
        <translation>已停用：每次运行各有自己的 η，在下方设置（实验文件中的 compare.learning_rates）。改为比较其他设置，即可为所有运行设定同一个 η。</translation>
    </message>
    <message>
        <source>η %1</source>
        <translation>%1 学习率 η</translation>
    </message>
    <message>
        <source>The learning rate η of the %1 run: each of its steps moves the weights by −η times the gradient.</source>
        <translation>%1 这次运行的学习率 η：它的每一步将权重移动梯度的 −η 倍。</translation>
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
        <translation>层（输入 → 输出）</translation>
    </message>
    <message>
        <source>‖∂C/∂W‖</source>
        <translation>‖∂C/∂W‖</translation>
    </message>
    <message>
        <source>Gradient ‖∂C/∂W‖ per layer</source>
        <translation>各层梯度 ‖∂C/∂W‖</translation>
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
        <translation>整个窗口</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Copied “%1” to the clipboard</source>
        <translation>已将“%1”复制到剪贴板</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <extracomment>a frame has been handed to every visible view by the display timer; the argument is how long updating them took, in seconds (Qt paints them in between) The translation context of the lessons&apos; titles and descriptions. explicit contexts: a page class&apos;s self.tr would look the texts up under its own name file name offered when saving an experiment</extracomment>
        <translation>无法打开实验</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Run</source>
        <extracomment>Views side by side where the dashboard is at least this many times as wide as it is high and each half at least ``min_column_ems`` font sizes wide (see :meth:`side_by_side_fits`); None: the lesson has one arrangement. whether the views stand side by side now (see side_by_side_aspect)</extracomment>
        <translation>运行</translation>
    </message>
    <message>
        <source>The %1 run stopped: %2</source>
        <translation>%1 运行已停止：%2</translation>
    </message>
    <message>
        <source>Export “%1”…</source>
        <extracomment>explicit contexts: a page class&apos;s self.tr would look the texts up under its own name a line for the window&apos;s status bar, shown for ``timeout`` ms (0: until the next) the settings panel should be shown (a run was refused because of a bad value) a frame has been handed to every visible view; the argument is how long that took, in seconds show lesson ``name`` with this experiment opened in it (lessons never import each other: the window does it) file name offered when saving an experiment; None: the lesson has none, and File › Save is off while it is on show</extracomment>
        <translation>导出“%1”…</translation>
    </message>
    <message>
        <source>Copy “%1” to clipboard</source>
        <translation>复制“%1”到剪贴板</translation>
    </message>
    <message>
        <source>%1 The epochs so far are kept; Run or Reset starts again from epoch 0.</source>
        <translation>%1 已训练的轮次都保留；运行或重置会从第 0 轮次重新开始。</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Network lab</source>
        <translation>网络实验室</translation>
    </message>
    <message>
        <source>Multi-layer networks on real data, runs compared live</source>
        <translation>真实数据上的多层网络，实时比较各次运行</translation>
    </message>
    <message>
        <source>One neuron: quadratic vs cross-entropy</source>
        <translation>单个神经元：二次代价函数与交叉熵代价函数</translation>
    </message>
    <message>
        <source>Why a neuron that starts badly wrong learns slowly with the quadratic cost and fast with cross-entropy</source>
        <translation>为什么起初错得离谱的神经元用二次代价函数学得慢，用交叉熵代价函数学得快</translation>
    </message>
    <message>
        <source>Why cross-entropy: the derivation</source>
        <translation>为什么是交叉熵：推导</translation>
    </message>
    <message>
        <source>From the quadratic cost&apos;s slow gradient to the cost whose gradient is the error itself, a step at a time</source>
        <translation>从二次代价函数缓慢的梯度出发，一步一步推导出梯度就是误差本身的代价函数</translation>
    </message>
    <message>
        <source>Loss functions compared</source>
        <translation>损失函数比较</translation>
    </message>
    <message>
        <source>Classification error, squared error and cross-entropy score the same predictions: which tells the better model apart</source>
        <translation>用分类错误率、平方误差和交叉熵评价同样的预测：哪一个能分辨出更好的模型</translation>
    </message>
    <message>
        <source>Activation functions and vanishing gradients</source>
        <translation>激活函数与梯度消失</translation>
    </message>
    <message>
        <source>Five activations and their slopes, why depth starves sigmoid layers, and why a network needs a non-linearity</source>
        <translation>五种激活函数及其斜率，为什么深度会让 sigmoid 层得不到梯度，以及为什么网络需要非线性</translation>
    </message>
    <message>
        <source>Backpropagation one number at a time</source>
        <translation>反向传播：一个数一个数地算</translation>
    </message>
    <message>
        <source>The chain rule through a 3-2-3 network, every gradient checked by finite differences</source>
        <translation>在 3-2-3 网络中运用链式法则，每个梯度都用有限差分验证</translation>
    </message>
</context>
<context>
    <name>LossCurvesView</name>
    <message>
        <source>p: the probability ŷ of the true class</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates p from here to 1: −log p at the left edge is already beyond the axis. The loss axis reaches at least −log p at this p (about 3.9 in ln), and at most this top: a sample beyond it (p close to 0, or exactly 0: ∞) is drawn at the top, as a triangle.</extracomment>
        <translation>p：真实类别的概率 ŷ</translation>
    </message>
    <message>
        <source>loss of one sample</source>
        <translation>单个样本的损失</translation>
    </message>
    <message>
        <source>Squared error: solid when the rest of ŷ lies on one wrong class (at most 2), dashed when it is spread evenly; every sample lies between. Cross-entropy: −log p alone, without bound.</source>
        <translation>平方误差：ŷ 其余的概率全落在一个错误类别上时为实线（最大为 2），平均分散时为虚线；每个样本都落在两者之间。交叉熵：只取决于 p 的负对数，没有上界。</translation>
    </message>
    <message>
        <source>Loss of one sample against p</source>
        <translation>单个样本的损失随 p 的变化</translation>
    </message>
    <message>
        <source>cross-entropy −%1 p</source>
        <translation>交叉熵 −%1 p</translation>
    </message>
    <message>
        <source>squared error, rest on one wrong class</source>
        <translation>平方误差，其余集中于一个错误类别</translation>
    </message>
    <message>
        <source>squared error, rest spread evenly</source>
        <translation>平方误差，其余平均分散</translation>
    </message>
    <message>
        <source>model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>2: the most a squared error can be</source>
        <translation>2：平方误差的最大值</translation>
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
        <translation>每个模型在其所有样本上的平均值</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>样本 %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>The one-hot target y: 1 for the sample&apos;s true class. Type the class (1, 2 or 3) to change it.</source>
        <translation>独热目标值 y：样本的真实类别为 1。输入类别（1、2 或 3）即可修改。</translation>
    </message>
    <message>
        <source>Model %1&apos;s logit z for class %2: any number; ŷ = softmax(z)</source>
        <translation>模型 %1 对类别 %2 的对数几率 z：可为任意数；ŷ = softmax(z)</translation>
    </message>
    <message>
        <source>Model %1&apos;s probability ŷ for class %2</source>
        <translation>模型 %1 对类别 %2 的概率 ŷ</translation>
    </message>
    <message>
        <source>Classification error: 1 when the largest ŷ is not the true class&apos;s (a tie counts as wrong), 0 when it is</source>
        <translation>分类错误：最大的 ŷ 不属于真实类别时为 1（并列也算错），属于时为 0</translation>
    </message>
    <message>
        <source>Squared error: Σ (y − ŷ)² over the classes (note 002)</source>
        <translation>平方误差：对各类别求 Σ (y − ŷ)²（讲义 002）</translation>
    </message>
    <message>
        <source>Cross-entropy: −Σ y log ŷ over the classes, which leaves −log p, p the true class&apos;s ŷ</source>
        <translation>交叉熵：对各类别求 y 与 ŷ 的对数之积的和，再取负；结果只剩 p 的负对数（p 为真实类别的 ŷ）</translation>
    </message>
    <message>
        <source>Model %1&apos;s classification error: wrong samples / all samples = %2</source>
        <translation>模型 %1 的分类错误率：错误样本数 / 全部样本数 = %2</translation>
    </message>
    <message>
        <source>Model %1&apos;s mean squared error: the mean of its samples&apos; squared errors = %2</source>
        <translation>模型 %1 的均方误差：各样本平方误差的平均值 = %2</translation>
    </message>
    <message>
        <source>Model %1&apos;s mean cross-entropy = %2</source>
        <translation>模型 %1 的平均交叉熵 = %2</translation>
    </message>
    <message>
        <source>Sample %1 is of class %2: type 1, 2 or 3 to change it</source>
        <translation>样本 %1 属于类别 %2：输入 1、2 或 3 即可修改</translation>
    </message>
    <message>
        <source>z = %1 gives ŷ = %2 (softmax)</source>
        <translation>z = %1 经 softmax 得到 ŷ = %2</translation>
    </message>
    <message>
        <source>ŷ = %1</source>
        <translation>ŷ = %1</translation>
    </message>
    <message>
        <source>This row of ŷ sums to %1, not 1</source>
        <translation>这一行 ŷ 的总和为 %1，不是 1</translation>
    </message>
    <message>
        <source>Right: the true class has the largest ŷ</source>
        <translation>正确：真实类别的 ŷ 最大</translation>
    </message>
    <message>
        <source>Wrong: another class has a ŷ as large or larger</source>
        <translation>错误：另有类别的 ŷ 一样大或更大</translation>
    </message>
    <message>
        <source>“%1” is no class: type 1, 2 or 3, or a one-hot row such as 0 0 1</source>
        <translation>“%1”不是类别：请输入 1、2 或 3，或像 0 0 1 这样的独热行</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>A logit is a number below +∞</source>
        <translation>对数几率必须是小于 +∞ 的数</translation>
    </message>
    <message>
        <source>At least one logit of a sample must be finite</source>
        <translation>一个样本至少要有一个对数几率是有限值</translation>
    </message>
    <message>
        <source>ŷ is a probability, from 0 to 1: not %1</source>
        <translation>ŷ 是概率，取值 0 到 1，不能是 %1</translation>
    </message>
    <message>
        <source>model %1, sample %2</source>
        <translation>模型 %1 的样本 %2</translation>
    </message>
</context>
<context>
    <name>LossTableView</name>
    <message>
        <source>Loss table</source>
        <translation>损失表</translation>
    </message>
    <message>
        <source>ŷ does not sum to 1 in the marked rows (%1): change a value, or type logits (Type logits z in the panel) and softmax makes every row sum to 1. The losses take the numbers as they are.</source>
        <translation>标记的行中 ŷ 的总和不为 1（%1）：请修改数值，或改为输入对数几率（面板中的“输入对数几率 z”），softmax 会使每一行的总和都为 1。损失按原样使用这些数值计算。</translation>
    </message>
    <message>
        <source>Note 002 prints 1.74 for model 2&apos;s third squared error: it is 0.74, as the note&apos;s own mean (0.34) has it. It cuts the cross-entropies off after two decimals (0.91, 1.37, 0.63) where the table rounds (0.916, 1.378, 0.639).</source>
        <translation>讲义 002 把模型 2 第三个样本的平方误差印成了 1.74：实际是 0.74，讲义自己算的平均值（0.34）用的也是 0.74。讲义把交叉熵截断到两位小数（0.91、1.37、0.63），而本表是四舍五入（0.916、1.378、0.639）。</translation>
    </message>
</context>
<context>
    <name>LossesPage</name>
    <message>
        <source>Loss table</source>
        <extracomment>Samples there may be (a handful makes the point; the table stays on a slide). a name of its own, so that pyside6-lupdate finds the texts it translates The plot beside the table needs about this many lines of text in width, and under it about this many in height. How the table and the plot share the page (see LossesPage._arrangement_for_size).</extracomment>
        <translation>损失表</translation>
    </message>
    <message>
        <source>Add a sample</source>
        <translation>添加样本</translation>
    </message>
    <message>
        <source>Remove the sample</source>
        <translation>删除当前样本</translation>
    </message>
    <message>
        <source>Cross-entropy in log₂ (note 001)</source>
        <translation>交叉熵取以 2 为底的对数（讲义 001）</translation>
    </message>
    <message>
        <source>Type logits z</source>
        <translation>输入对数几率 z</translation>
    </message>
    <message>
        <source>Cross-entropy: model 1 %1, model 2 %2</source>
        <translation>交叉熵：模型 1 为 %1，模型 2 为 %2</translation>
    </message>
    <message>
        <source>Model 1 vs 2: classification error %1 vs %2 · mean squared error %3 vs %4 · cross-entropy %5 vs %6</source>
        <translation>模型 1 / 模型 2：分类错误率 %1 / %2 · 均方误差 %3 / %4 · 交叉熵 %5 / %6</translation>
    </message>
</context>
<context>
    <name>LossesPanel</name>
    <message>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Add a sample</source>
        <translation>添加样本</translation>
    </message>
    <message>
        <source>A new sample after the table&apos;s current one, which both models are unsure of (Insert)</source>
        <translation>在表格的当前样本之后添加一个新样本，两个模型对它都没有把握 (插入键)</translation>
    </message>
    <message>
        <source>Remove the sample</source>
        <translation>删除当前样本</translation>
    </message>
    <message>
        <source>The table&apos;s current sample goes, from both models (Delete)</source>
        <translation>从两个模型中删除表格的当前样本 (删除键)</translation>
    </message>
    <message>
        <source>Note 002&apos;s example</source>
        <translation>讲义 002 的示例</translation>
    </message>
    <message>
        <source>The notes&apos; three samples and two models again, cross-entropy in ln (R)</source>
        <translation>恢复讲义中的三个样本和两个模型，交叉熵取自然对数 ln (R)</translation>
    </message>
    <message>
        <source>Type into the table: ŷ for each class (from 0 to 1), the true class as 1, 2 or 3. Enter or Tab keeps a value, Esc drops it.</source>
        <translation>在表格中输入：各类别的 ŷ（0 到 1），真实类别填 1、2 或 3。按回车键或制表键保留数值，按 Esc 键放弃。</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Natural log, ln (note 002)</source>
        <translation>自然对数 ln（讲义 002）</translation>
    </message>
    <message>
        <source>−Σ y ln ŷ, as note 002 computes it: 1.378 and 0.639 for its example</source>
        <translation>−Σ y ln ŷ，同讲义 002 的算法：其示例的结果为 1.378 和 0.639</translation>
    </message>
    <message>
        <source>Base 2, log₂ (note 001)</source>
        <translation>以 2 为底（讲义 001）</translation>
    </message>
    <message>
        <source>−Σ y log₂ ŷ, as note 001 writes it: every cross-entropy divided by ln 2</source>
        <translation>以 2 为底的对数，同讲义 001 的写法：每个交叉熵都除以 ln 2</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Type logits z, ŷ = softmax(z)</source>
        <translation>输入对数几率 z，ŷ = softmax(z)</translation>
    </message>
    <message>
        <source>Type each model&apos;s logits z instead of its probabilities: softmax turns them into ŷ, which sums to 1. Each row keeps its ŷ when you switch (z = ln ŷ; a row that does not sum to 1 is divided by its sum).</source>
        <translation>输入每个模型的对数几率 z，而不是概率：softmax 把它们变成总和为 1 的 ŷ。切换时每一行的 ŷ 保持不变（z = ln ŷ；总和不为 1 的行先除以其总和）。</translation>
    </message>
    <message>
        <source>Type into the table: the logits z of each class (any number), the true class as 1, 2 or 3. Enter or Tab keeps a value, Esc drops it.</source>
        <translation>在表格中输入：各类别的对数几率 z（任意数），真实类别填 1、2 或 3。按回车键或制表键保留数值，按 Esc 键放弃。</translation>
    </message>
</context>
<context>
    <name>MisclassifiedStrip</name>
    <message>
        <source>No runs to show.</source>
        <extracomment>Misclassified images are drawn this many pixels tall at least (the 8 × 8 digits at 7×). Outputs listed in an image&apos;s tooltip.</extracomment>
        <translation>没有可显示的运行。</translation>
    </message>
    <message>
        <source>Misclassified images</source>
        <translation>误分类图像</translation>
    </message>
    <message>
        <source>true %1 → predicted %2</source>
        <translation>真实 %1 → 预测 %2</translation>
    </message>
    <message>
        <source>%1: %2 of %3 test images misclassified</source>
        <translation>%1：%3 张测试图像中有 %2 张被误分类</translation>
    </message>
    <message>
        <source>%1: %2 of %3 training images misclassified (there is no test set)</source>
        <translation>%1：%3 张训练图像中有 %2 张被误分类（没有测试集）</translation>
    </message>
    <message>
        <source>%1: %2 of %3 wrong</source>
        <translation>%1：%3 个中错 %2 个</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>还有 %1 张</translation>
    </message>
    <message>
        <source>The samples of this data set are not images: there are no pictures of the mistakes to show.</source>
        <translation>该数据集的样本不是图像：没有可显示的错误图片。</translation>
    </message>
    <message>
        <source>%1: no network yet.</source>
        <translation>%1：尚无网络。</translation>
    </message>
    <message>
        <source>%1 diverged: its parameters are not numbers.</source>
        <translation>%1 已发散：其参数已不是有效数值。</translation>
    </message>
    <message>
        <source>sample %1: true %2, predicted %3</source>
        <translation>样本 %1：真实 %2，预测 %3</translation>
    </message>
    <message>
        <source>largest outputs:</source>
        <translation>最大的输出：</translation>
    </message>
    <message>
        <source>output: %1</source>
        <translation>输出：%1</translation>
    </message>
    <message>
        <source>Misclassified samples are for classes: not for regression, whose answers are numbers.</source>
        <translation>误分类样本是针对类别的：不适用于回归，回归的答案是数值。</translation>
    </message>
</context>
<context>
    <name>MnistDownloadDialog</name>
    <message>
        <source>Download MNIST</source>
        <translation>下载 MNIST</translation>
    </message>
    <message>
        <source>Downloading MNIST (%1 MB, kept in the cache)…</source>
        <translation>正在下载 MNIST（%1 MB，将保存在缓存中）…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Stop the download; the lab keeps its current data (Esc)</source>
        <translation>停止下载；实验室保留当前的数据 (Esc)</translation>
    </message>
    <message>
        <source>File %1 of %2: %3, already downloaded</source>
        <translation>第 %1 个文件（共 %2 个）：%3，已下载</translation>
    </message>
    <message>
        <source>File %1 of %2: %3 from %4</source>
        <translation>第 %1 个文件（共 %2 个）：%3，来自 %4</translation>
    </message>
    <message>
        <source>%1 MB of %2 MB</source>
        <translation>已下载 %1 MB，共 %2 MB</translation>
    </message>
    <message>
        <source>%1, about %2 left</source>
        <translation>%1，剩余约 %2</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>quadratic</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates</extracomment>
        <translation>二次代价</translation>
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
        <translation>线性</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>batch GD</source>
        <translation>批量梯度下降</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>digits (8×8)</source>
        <translation>手写数字（8×8）</translation>
    </message>
    <message>
        <source>three-class toy</source>
        <translation>三类玩具数据</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>gaussians</source>
        <translation>高斯簇</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>sine (regression)</source>
        <translation>正弦（回归）</translation>
    </message>
    <message>
        <source>step (regression)</source>
        <translation>阶跃（回归）</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>weights and biases:</source>
        <extracomment>Neurons drawn per layer at most; a larger layer shows this many and says how many it has. Lines drawn in the whole diagram at most. Between layers of which one is summarised, this many lines per shown neuron of the larger side: its strongest weights (all 144 between two columns of 12 are a grey mat). |w| / max |w| is shown in this many steps of width and opacity. Weights and biases are drawn in this grey, as a tint of it by their size. A negative weight&apos;s dashes and gaps, in pixels (whatever the line&apos;s width). The thinnest and the widest weight line, as multiples of the theme&apos;s line width. The weakest line&apos;s colour: this share of its sign&apos;s colour, the rest white. Pixels around the mouse in which a hovered line or neuron is found.</extracomment>
        <translation>权重和偏置：</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>负</translation>
    </message>
    <message>
        <source>No runs to show.</source>
        <translation>没有可显示的运行。</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <source>%1: no network yet.</source>
        <translation>%1：尚无网络。</translation>
    </message>
    <message>
        <source>weights after epoch %1</source>
        <translation>第 %1 轮次后的权重</translation>
    </message>
    <message>
        <source>⋮
%1 units</source>
        <translation>⋮
%1 个单元</translation>
    </message>
    <message>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>output %1 (%2)</source>
        <translation>输出 %1（%2）</translation>
    </message>
    <message>
        <source>hidden %1 (%2)</source>
        <translation>隐藏层 %1（%2）</translation>
    </message>
    <message>
        <source>%1 diverged: its parameters are not numbers.</source>
        <translation>%1 已发散：其参数已不是有效数值。</translation>
    </message>
    <message>
        <source>w = %1 (layer %2, unit %3 → unit %4)</source>
        <translation>w = %1（第 %2 层，单元 %3 → 单元 %4）</translation>
    </message>
    <message>
        <source>input %1 (no bias)</source>
        <translation>输入 %1（无偏置）</translation>
    </message>
    <message>
        <source>b = %1 (layer %2, unit %3)</source>
        <translation>b = %1（第 %2 层，单元 %3）</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>Click a weight, a bias or an input to type a new value.</source>
        <translation>单击某个权重、偏置或输入，即可输入新值。</translation>
    </message>
    <message>
        <source>The 3-2-3 network</source>
        <translation>3-2-3 网络</translation>
    </message>
    <message>
        <source>The new value of %1: Enter keeps it, Esc drops it.</source>
        <translation>%1 的新值：按回车键保留，按 Esc 键放弃。</translation>
    </message>
</context>
<context>
    <name>NeuronPage</name>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Classic start</source>
        <translation>经典起点</translation>
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
        <translation>第 %1 轮，共 %2 轮</translation>
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
        <translation>已发散</translation>
    </message>
    <message>
        <source>Both starts, quadratic cost (the notes&apos; figure)</source>
        <translation>两个起点，二次代价函数（讲义中的图）</translation>
    </message>
    <message>
        <source>Both starts, both costs (four runs)</source>
        <translation>两个起点，两种代价函数（四次运行）</translation>
    </message>
    <message>
        <source>start %1 (w = %2, b = %3)</source>
        <translation>起点 %1（w = %2, b = %3）</translation>
    </message>
    <message>
        <source>%1, start %2 (w = %3, b = %4)</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates Each start&apos;s line style: the first solid, then dashed, dotted, dash-dotted. Each start&apos;s marker (pyqtgraph&apos;s names: circle, square, triangle, diamond) ... ... and the same marker and line style as text, for the key under the plots.</extracomment>
        <translation>%1，起点 %2（w = %3, b = %4）</translation>
    </message>
    <message>
        <source>%1, start %2</source>
        <translation>%1，起点 %2</translation>
    </message>
</context>
<context>
    <name>OutputPlot</name>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>output a</source>
        <translation>输出 a</translation>
    </message>
    <message>
        <source>target y = %1</source>
        <translation>目标值 y = %1</translation>
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
        <translation>训练速度：从每秒 1 个轮次到尽可能快</translation>
    </message>
    <message>
        <source>Timeline: drag to show any epoch of the run</source>
        <translation>时间轴：拖动以显示本次运行的任意轮次</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Follow the newest epoch</source>
        <translation>跟随最新轮次</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>1000 epochs/s</source>
        <translation>1000 轮次/秒</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation>%1 轮次/秒</translation>
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
        <translation>运行：</translation>
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
        <translation>饱和区</translation>
    </message>
    <message>
        <source>The start: z₀ = w·x + b. Drag it along the curve to start from another b (w stays); the runs restart from there.</source>
        <translation>起点：z₀ = w·x + b。沿曲线拖动它可从另一个 b 开始（w 保持不变）；各次运行将从该处重新开始。</translation>
    </message>
    <message>
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>sigmoid 函数</translation>
    </message>
    <message>
        <source>target y = %1</source>
        <translation>目标值 y = %1</translation>
    </message>
    <message>
        <source>start: b = %1</source>
        <translation>起点：b = %1</translation>
    </message>
    <message>
        <source>start %1</source>
        <translation>起点 %1</translation>
    </message>
</context>
<context>
    <name>StartBar</name>
    <message>
        <source>Start:</source>
        <translation>起点：</translation>
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
        <translation>经典起点，x = 1, y = 0</translation>
    </message>
    <message>
        <source>Open the neuron lesson at this start</source>
        <translation>用此起点打开神经元课程</translation>
    </message>
    <message>
        <source>Train a neuron from this start in the one-neuron lesson, both costs side by side</source>
        <translation>在单个神经元课程中从这个起点训练神经元，两种代价函数并排比较</translation>
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
        <translation>第 %1 步：%2</translation>
    </message>
</context>
<context>
    <name>StepPlotView</name>
    <message>
        <source>Plot</source>
        <extracomment>a name of its own, so that pyside6-lupdate finds the texts it translates A tangent reaches this share of the x range either side of its point, or less where it is steep: at most this share of the y range.</extracomment>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>SurfaceView</name>
    <message>
        <source>Click a map to start both runs from that (w, b).</source>
        <translation>单击任一图，让两次运行都从该 (w, b) 开始。</translation>
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
        <translation>没有可显示的运行。</translation>
    </message>
    <message>
        <source>Cost surface C(w, b)</source>
        <translation>代价曲面 C(w, b)</translation>
    </message>
    <message>
        <source>Click a map to move the first start to that (w, b).</source>
        <translation>单击任一图，把第一个起点移到该 (w, b)。</translation>
    </message>
</context>
<context>
    <name>TimingView</name>
    <message>
        <source>time for 10⁶ values (ms)</source>
        <translation>处理 10⁶ 个值的时间（毫秒）</translation>
    </message>
    <message>
        <source>Time of f(z) and f′(z) on this computer</source>
        <translation>本机上 f(z) 与 f′(z) 的计算时间</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>尚未测量</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
</context>
<context>
    <name>XorView</name>
    <message>
        <source>XOR: one straight cut leaves a corner on the wrong side</source>
        <translation>XOR：一条直线总会把一个角分到错误的一侧</translation>
    </message>
    <message>
        <source>wrong side</source>
        <translation>错误的一侧</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>column %1 (%2)</source>
        <translation>第 %1 列（%2）</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
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
        <translation>%1，解压后数据的第 %2 字节处：%3</translation>
    </message>
    <message>
        <source>%1, byte %2: %3</source>
        <translation>%1，第 %2 字节处：%3</translation>
    </message>
    <message>
        <source>%1: file not found (looked for %2)</source>
        <translation>%1：找不到文件（查找位置：%2）</translation>
    </message>
    <message>
        <source>%1: expected a file, found a directory (%2)</source>
        <translation>%1：应为文件，但找到的是文件夹（%2）</translation>
    </message>
    <message>
        <source>expected a file, found a directory</source>
        <translation>应为文件，但找到的是文件夹</translation>
    </message>
    <message>
        <source>%1: cannot read it: %2 (%3)</source>
        <translation>%1：无法读取：%2（%3）</translation>
    </message>
    <message>
        <source>a line longer than %1</source>
        <translation>有一行超过 %1</translation>
    </message>
    <message>
        <source>quotes, control characters or other than ASCII</source>
        <translation>含有引号、控制字符或非 ASCII 字符</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>没有数据</translation>
    </message>
    <message>
        <source>the first row</source>
        <translation>第一行不符合要求</translation>
    </message>
    <message>
        <source>more rows than lines</source>
        <translation>数据行多于文本行</translation>
    </message>
    <message>
        <source>a cell that is not a number, or a row of other length</source>
        <translation>有单元格不是数字，或有一行的列数不同</translation>
    </message>
    <message>
        <source>a number that is not finite</source>
        <translation>有数值不是有限数</translation>
    </message>
    <message>
        <source>no data rows</source>
        <translation>没有数据行</translation>
    </message>
    <message>
        <source>expected plain lines of numbers in a file of more than %1, found %2 in the lines from here</source>
        <translation>大于 %1 的文件应只含纯数字行，但从这一行起发现问题：%2</translation>
    </message>
    <message>
        <source>expected UTF-8 text, found byte %1 (byte offset %2)</source>
        <translation>应为 UTF-8 文本，但发现字节 %1（字节偏移 %2）</translation>
    </message>
    <message>
        <source>expected a header or data row, found an empty file</source>
        <translation>应有表头或数据行，但文件为空</translation>
    </message>
    <message>
        <source>expected a well-formed CSV row, found: %1</source>
        <translation>应为格式正确的 CSV 行，但发现：%1</translation>
    </message>
    <message>
        <source>expected a header or data row, found only empty cells</source>
        <translation>应有表头或数据行，但只有空单元格</translation>
    </message>
    <message>
        <source>expected at least %1 columns (features and a label) separated by commas, tabs or semicolons, found %2</source>
        <translation>应至少有 %1 列（特征和标签），以逗号、制表符或分号分隔，但只找到 %2 列</translation>
    </message>
    <message>
        <source>expected label_column between %1 and %2 for %3 columns, found %4</source>
        <translation>数据有 %3 列，label_column 应介于 %1 和 %2 之间，但实际为 %4</translation>
    </message>
    <message>
        <source>expected data rows after the header on line %1, found none</source>
        <translation>第 %1 行的表头之后应有数据行，但没有找到</translation>
    </message>
    <message>
        <source>expected %1 columns (as in the header, line %2), found %3</source>
        <translation>应有 %1 列（与第 %2 行的表头一致），但找到 %3 列</translation>
    </message>
    <message>
        <source>expected %1 columns (as in the first row, line %2), found %3</source>
        <translation>应有 %1 列（与第一行即第 %2 行一致），但找到 %3 列</translation>
    </message>
    <message>
        <source>expected a label in %1, found an empty cell</source>
        <translation>%1 中应有标签，但该单元格为空</translation>
    </message>
    <message>
        <source>expected a number in %1, found an empty cell</source>
        <translation>%1 中应为数字，但该单元格为空</translation>
    </message>
    <message>
        <source>expected a number in %1, found %2</source>
        <translation>%1 中应为数字，但发现 %2</translation>
    </message>
    <message>
        <source>expected a finite number in %1, found %2</source>
        <translation>%1 中应为有限数值，但发现 %2</translation>
    </message>
    <message>
        <source>expected at most %1 different labels (classes) in %2, found %3</source>
        <translation>%2 中最多应有 %1 种不同的标签（类别），但发现 %3 种</translation>
    </message>
    <message>
        <source>expected at least %1 different labels in %2, found only %3 on every data line (%4 to %5)</source>
        <translation>%2 中应至少有 %1 种不同的标签，但所有数据行（第 %4 到 %5 行）都只有 %3</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; (allowed: %2; did you mean &apos;%3&apos;?)</source>
        <translation>未知的键“%1”（允许的键：%2；你是不是想写“%3”？）</translation>
    </message>
    <message>
        <source>unknown key &apos;%1&apos; (allowed: %2)</source>
        <translation>未知的键“%1”（允许的键：%2）</translation>
    </message>
    <message>
        <source>a finite number</source>
        <translation>有限数值</translation>
    </message>
    <message>
        <source>a finite number &gt;= %1</source>
        <translation>不小于 %1 的有限数值</translation>
    </message>
    <message>
        <source>a finite number &gt; %1</source>
        <translation>大于 %1 的有限数值</translation>
    </message>
    <message>
        <source>a finite number &lt;= %1</source>
        <translation>不超过 %1 的有限数值</translation>
    </message>
    <message>
        <source>a finite number &lt; %1</source>
        <translation>小于 %1 的有限数值</translation>
    </message>
    <message>
        <source>a finite number &gt;= %1 and &lt;= %2</source>
        <translation>%1 到 %2 之间的有限数值</translation>
    </message>
    <message>
        <source>a finite number &gt;= %1 and &lt; %2</source>
        <translation>不小于 %1 且小于 %2 的有限数值</translation>
    </message>
    <message>
        <source>a finite number &gt; %1 and &lt;= %2</source>
        <translation>大于 %1 且不超过 %2 的有限数值</translation>
    </message>
    <message>
        <source>a finite number &gt; %1 and &lt; %2</source>
        <translation>大于 %1 且小于 %2 的有限数值</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>%1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>a whole number &gt;= %1</source>
        <translation>不小于 %1 的整数</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>%1 之一</translation>
    </message>
    <message>
        <source>must be %1</source>
        <translation>必须是%1</translation>
    </message>
    <message>
        <source>%1 (write it without a decimal point)</source>
        <translation>%1（请不要写小数点）</translation>
    </message>
    <message>
        <source>%1 (write it without quotes)</source>
        <translation>%1（请不要加引号）</translation>
    </message>
    <message>
        <source>a hidden layer size %1</source>
        <translation>隐藏层大小%1</translation>
    </message>
    <message>
        <source>an input or output layer size %1</source>
        <translation>输入层或输出层大小%1</translation>
    </message>
    <message>
        <source>must be one of %1</source>
        <translation>必须是 %1 之一</translation>
    </message>
    <message>
        <source>%1 (each at most once)</source>
        <translation>%1（每个最多出现一次）</translation>
    </message>
    <message>
        <source>a file path in double quotes (relative paths start from the experiment file&apos;s folder)</source>
        <translation>用双引号括起的文件路径（相对路径从实验文件所在的文件夹算起）</translation>
    </message>
    <message>
        <source>a string in double quotes</source>
        <translation>用双引号括起的字符串</translation>
    </message>
    <message>
        <source>a list of %1 to %2 layer sizes, input first and output last</source>
        <translation>由 %1 到 %2 个层大小组成的列表，输入层在前，输出层在后</translation>
    </message>
    <message>
        <source>one of %1, or a list with one of them per hidden layer</source>
        <translation>%1 之一，或为每个隐藏层各取其一的列表</translation>
    </message>
    <message>
        <source>a non-empty list of different names from %1</source>
        <translation>由 %1 中互不相同的名称组成的非空列表</translation>
    </message>
    <message>
        <source>a number of epochs per second from %1 to %2, or &quot;max&quot; for as fast as possible</source>
        <translation>每秒 %1 到 %2 个轮次，或 &quot;max&quot;（尽可能快）</translation>
    </message>
    <message>
        <source>a list of %1 to %2 different values, one run each</source>
        <translation>包含 %1 到 %2 个不同取值的列表，每个取值对应一次运行</translation>
    </message>
    <message>
        <source>must be a table, written [%1] on its own line</source>
        <translation>必须是一个表，即单独一行写 [%1]</translation>
    </message>
    <message>
        <source>an experiment must be a table of keys, not %1</source>
        <translation>实验必须是由键组成的表，而不是 %1</translation>
    </message>
    <message>
        <source>missing key &apos;schema&apos; (write schema = %1 as the first line)</source>
        <translation>缺少键“schema”（请在第一行写 schema = %1）</translation>
    </message>
    <message>
        <source>this nnlab reads schema %1</source>
        <translation>此版本的 nnlab 只能读取 schema %1</translation>
    </message>
    <message>
        <source>must be a single line</source>
        <translation>必须只占一行</translation>
    </message>
    <message>
        <source>section [%1] is not used with kind = &quot;%2&quot; (kind = &quot;%2&quot; uses %3; [%1] belongs to kind = &quot;%4&quot;)</source>
        <translation>kind = &quot;%2&quot; 不使用 [%1] 部分（kind = &quot;%2&quot; 使用 %3；[%1] 属于 kind = &quot;%4&quot;）</translation>
    </message>
    <message>
        <source>only used with kind = &quot;network&quot; (a single neuron learns one sample by plain gradient descent)</source>
        <translation>仅用于 kind = &quot;network&quot;（单个神经元用普通梯度下降学习一个样本）</translation>
    </message>
    <message>
        <source>data.dataset = &quot;csv&quot; needs data.path, the CSV file (relative to the experiment file&apos;s folder)</source>
        <translation>data.dataset = &quot;csv&quot; 需要 data.path，即 CSV 文件（相对于实验文件所在的文件夹）</translation>
    </message>
    <message>
        <source>data.dataset = &quot;idx&quot; needs data.images and data.labels, the IDX image and label files (missing: %1)</source>
        <translation>data.dataset = &quot;idx&quot; 需要 data.images 和 data.labels，即 IDX 图像文件和标签文件（缺少：%1）</translation>
    </message>
    <message>
        <source>needs one activation per hidden layer, and network.layers = %1 has %2</source>
        <translation>每个隐藏层需要一个激活函数，而 network.layers = %1 有 %2 个隐藏层</translation>
    </message>
    <message>
        <source>not used with compare.setting = &quot;cost&quot;, the default (the runs are then the names in training.costs); set compare.setting to what the runs differ in</source>
        <translation>compare.setting = &quot;cost&quot;（默认值）时不使用此项（此时各次运行即 training.costs 中的各个名称）；请将 compare.setting 设为各次运行之间不同的那项设置</translation>
    </message>
    <message>
        <source>names from %1</source>
        <translation>名称（取自 %1）</translation>
    </message>
    <message>
        <source>learning rates &gt; %1 and &lt;= %2</source>
        <translation>学习率（大于 %1 且不超过 %2）</translation>
    </message>
    <message>
        <source>must be a list of %1 to %2 different %3, one run each</source>
        <translation>必须是一个列表，包含 %1 到 %2 个不同的%3，每个对应一次运行</translation>
    </message>
    <message>
        <source>compare.setting = &quot;%1&quot; needs compare.values, a list of %2 to %3 different %4, one run each</source>
        <translation>compare.setting = &quot;%1&quot; 需要 compare.values，即一个列表，包含 %2 到 %3 个不同的%4，每个对应一次运行</translation>
    </message>
    <message>
        <source>learning rates must differ in their first %1 significant digits (each run is named by its rate)</source>
        <translation>各学习率的前 %1 位有效数字必须不同（每次运行以其学习率命名）</translation>
    </message>
    <message>
        <source>must name exactly one cost when compare.setting = &quot;%1&quot; (the runs differ in compare.values instead)</source>
        <translation>compare.setting = &quot;%1&quot; 时必须恰好指定一个代价函数（各次运行改由 compare.values 区分）</translation>
    </message>
    <message>
        <source>needs training.batch_size, the number of samples in each mini-batch</source>
        <translation>需要 training.batch_size，即每个小批量中的样本数</translation>
    </message>
    <message>
        <source>has no hidden layer, so compare.setting = &quot;hidden_activation&quot; has nothing to vary (add a hidden layer, e.g. %1)</source>
        <translation>没有隐藏层，因此 compare.setting = &quot;hidden_activation&quot; 没有可改变的对象（请添加一个隐藏层，例如 %1）</translation>
    </message>
    <message>
        <source>%1: not valid TOML: %2</source>
        <translation>%1：不是有效的 TOML：%2</translation>
    </message>
    <message>
        <source>%1: not valid TOML for nnlab: arrays or inline tables nested too deeply</source>
        <translation>%1：不是 nnlab 可用的 TOML：数组或内联表嵌套过深</translation>
    </message>
    <message>
        <source>%1: not valid TOML for nnlab: a whole number with more than %2 digits</source>
        <translation>%1：不是 nnlab 可用的 TOML：有整数超过 %2 位</translation>
    </message>
    <message>
        <source>%1: cannot read experiment file: %2</source>
        <translation>%1：无法读取实验文件：%2</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text: line %2 has a byte that is not UTF-8 (byte offset %3); save the file as UTF-8</source>
        <translation>%1：不是 UTF-8 文本：第 %2 行有一个非 UTF-8 字节（字节偏移 %3）；请将文件保存为 UTF-8 编码</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation>命名管道</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>字符设备</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>块设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>a regular file</source>
        <translation>普通文件</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>非普通文件</translation>
    </message>
    <message>
        <source>it is %1, not a file</source>
        <translation>它是%1，不是文件</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <source>it is more than the %1 nnlab reads</source>
        <translation>它超过了 nnlab 可读取的上限 %1</translation>
    </message>
    <message>
        <source>it is %1, more than the %2 nnlab reads</source>
        <translation>它有 %1，超过了 nnlab 可读取的上限 %2</translation>
    </message>
    <message>
        <source>it is %1, more than an IDX file of at most %2 of data can be</source>
        <translation>它有 %1，超过了数据至多 %2 的 IDX 文件可能的大小</translation>
    </message>
    <message>
        <source>expected more gzip data, found the end of the file (truncated download?)</source>
        <translation>应有更多 gzip 数据，但已到文件末尾（下载不完整？）</translation>
    </message>
    <message>
        <source>expected a gzip stream (the file starts with 1f 8b), but it cannot be decompressed: %1</source>
        <translation>应为 gzip 数据流（文件以 1f 8b 开头），但无法解压：%1</translation>
    </message>
    <message>
        <source>expected IDX magic %1 (%2), found only %3 bytes</source>
        <translation>应有 IDX 魔数 %1（%2），但只找到 %3 个字节</translation>
    </message>
    <message>
        <source>expected IDX magic %1 (%2), found %3</source>
        <translation>应有 IDX 魔数 %1（%2），但发现 %3</translation>
    </message>
    <message>
        <source>expected IDX magic %1 (%2), found %3 (that is an IDX label file)</source>
        <translation>应有 IDX 魔数 %1（%2），但发现 %3（这是 IDX 标签文件）</translation>
    </message>
    <message>
        <source>expected IDX magic %1 (%2), found %3 (that is an IDX image file)</source>
        <translation>应有 IDX 魔数 %1（%2），但发现 %3（这是 IDX 图像文件）</translation>
    </message>
    <message>
        <source>expected IDX magic %1 (%2), found %3 (an IDX file of another element type; only unsigned bytes, 0x08, are supported)</source>
        <translation>应有 IDX 魔数 %1（%2），但发现 %3（这是其他元素类型的 IDX 文件；只支持无符号字节，即 0x08）</translation>
    </message>
    <message>
        <source>expected a %1-byte header (%2 dimension sizes after the magic number), found the end of the file</source>
        <translation>应有 %1 字节的文件头（魔数之后的 %2 个维度大小），但已到文件末尾</translation>
    </message>
    <message>
        <source>expected a positive size for dimension %1, found 0</source>
        <translation>第 %1 维的大小应为正数，但为 0</translation>
    </message>
    <message>
        <source>expected at most %1 of data, found a header announcing %2 = %3 bytes</source>
        <translation>数据至多应为 %1，但文件头声明了 %2 = %3 字节</translation>
    </message>
    <message>
        <source>expected %1 data bytes (%2) after the %3-byte header, found the end of the file after %4</source>
        <translation>%3 字节的文件头之后应有 %1 个数据字节（%2），但 %4 个字节后就到了文件末尾</translation>
    </message>
    <message>
        <source>expected the end of the file after %1 data bytes (%2), found at least %3 more bytes</source>
        <translation>%1 个数据字节（%2）之后应为文件末尾，但还有至少 %3 个字节</translation>
    </message>
    <message>
        <source>expected the end of the file after %1 data bytes (%2), found %3 more bytes</source>
        <translation>%1 个数据字节（%2）之后应为文件末尾，但还有 %3 个字节</translation>
    </message>
    <message>
        <source>unsigned-byte images: count, rows, columns</source>
        <translation>无符号字节图像：数量、行数、列数</translation>
    </message>
    <message>
        <source>unsigned-byte labels: count</source>
        <translation>无符号字节标签：数量</translation>
    </message>
    <message>
        <source>%1, byte %2: expected %3 labels, one per image in %4, found %5</source>
        <translation>%1，第 %2 字节处：应有 %3 个标签（%4 中每张图像一个），但找到 %5 个</translation>
    </message>
    <message>
        <source>%1, byte %2: expected at least %3 different labels, found only %4 in all %5</source>
        <translation>%1，第 %2 字节处：应至少有 %3 种不同的标签，但全部 %5 个标签都是 %4</translation>
    </message>
    <message>
        <source>test_fraction %1 leaves no training samples out of %2</source>
        <translation>test_fraction %1 使 %2 个样本中没有留下任何训练样本</translation>
    </message>
    <message>
        <source>%1 = %2: %3</source>
        <extracomment>The lesson&apos;s two classic starts for x = 1, y = 0: a mild one (z = 1.5, a = 0.818) and a saturated one (z = 4, a = 0.982), as in the presets neuron-0.6-0.9 and neuron-2-2. The outputs the curves over a are drawn at: (0, 1) without its ends, where ln a, ln(1 − a) and 1/(a(1 − a)) are infinite. Closer to the ends near 0 and 1, where they turn. One output unit reads as class 1 from this output up (a sigmoid&apos;s midpoint, z = 0). Parameters read for a fingerprint (see :func:`parameters_fingerprint`).</extracomment>
        <translation>%1 = %2：%3</translation>
    </message>
    <message>
        <source>no folder given (an empty path)</source>
        <translation>未指定文件夹（路径为空）</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation>%1 是文件，不是文件夹</translation>
    </message>
    <message>
        <source>%1 is a loop of symbolic links (it never reaches a folder)</source>
        <translation>%1 是符号链接的循环（永远无法到达文件夹）</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to %2, which does not exist</source>
        <translation>%1 是符号链接，指向不存在的 %2</translation>
    </message>
    <message>
        <source>no folder can be made in %1 (%2)</source>
        <translation>无法在 %1 中创建文件夹（%2）</translation>
    </message>
    <message>
        <source>it exists and is not a folder</source>
        <translation>它已存在，但不是文件夹</translation>
    </message>
    <message>
        <source>%1: these settings need about %2 of memory (layers %3, %4 samples, %5 runs, %6 epochs), more than the %7 nnlab may use on this machine (half its memory): use fewer or smaller layers, fewer samples or fewer runs</source>
        <extracomment>The logarithms the cross-entropy may be taken in: &quot;e&quot; (ln, note 002) or &quot;2&quot; (note 001). How far a row of outputs may sum from 1 and still count as a probability distribution: typed decimals such as 0.1 + 0.2 + 0.7 sum to 0.9999999999999999. Note 002&apos;s example: three samples of three classes, their one-hot targets, and each model&apos;s softmax outputs. Both models are wrong on the third sample only; model 2 is less wrong.</extracomment>
        <translation>%1：这些设置约需 %2 内存（层 %3，%4 个样本，%5 次运行，%6 个轮次），超过了 nnlab 在本机上可使用的 %7（内存的一半）：请减少层数或缩小各层，或减少样本数或运行次数</translation>
    </message>
    <message>
        <source>diverged at epoch %1: w = %2, b = %3</source>
        <translation>在第 %1 轮次发散：w = %2, b = %3</translation>
    </message>
    <message>
        <source>unknown preset %1 (available: none installed)</source>
        <translation>未知的示例 %1（可用的示例：未安装任何示例）</translation>
    </message>
    <message>
        <source>unknown preset %1 (available: %2)</source>
        <translation>未知的示例 %1（可用的示例：%2）</translation>
    </message>
    <message>
        <source>%1: [data] dataset = &quot;%2&quot;: %3</source>
        <translation>%1：[data] dataset = &quot;%2&quot;：%3</translation>
    </message>
    <message>
        <source>%1: network.layers = %2: dataset &quot;%3&quot; has %4 inputs and %5 classes, so the first layer must be %4 and the last %5 (e.g. %6)</source>
        <translation>%1：network.layers = %2：数据集“%3”有 %4 个输入和 %5 个类别，因此第一层必须是 %4，最后一层必须是 %5（例如 %6）</translation>
    </message>
    <message>
        <source>%1: compare.setting = %2: cannot be compared</source>
        <translation>%1：compare.setting = %2：无法比较</translation>
    </message>
    <message>
        <source>a parameter became %1</source>
        <translation>某个参数变成了 %1</translation>
    </message>
    <message>
        <source>diverged at epoch %1: %2 (learning rate %3 may be too large)</source>
        <translation>在第 %1 轮次发散：%2（学习率 %3 可能过大）</translation>
    </message>
    <message>
        <source>the training cost became %1</source>
        <translation>训练代价变成了 %1</translation>
    </message>
    <message>
        <source>the gradient of layer %1 became %2</source>
        <translation>第 %1 层的梯度变成了 %2</translation>
    </message>
    <message>
        <source>ended by signal %1, %2</source>
        <translation>被信号 %1 %2 终止</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>Training stopped: the training process failed: %1</source>
        <extracomment>training stopped because its process failed or ended (a core Message saying why); the rows so far are kept and the session is &quot;idle&quot; the preset a session starts with when given no experiment</extracomment>
        <translation>训练已停止：训练进程出错：%1</translation>
    </message>
    <message>
        <source>Training stopped: the training process ended unexpectedly (%1).</source>
        <translation>训练已停止：训练进程意外结束（%1）。</translation>
    </message>
    <message>
        <source>must be a start [w, b]: a list of two finite numbers, the weight and the bias</source>
        <translation>必须是一个起点 [w, b]：由两个有限数值组成的列表，即权重和偏置</translation>
    </message>
    <message>
        <source>a list of %1 to %2 different starts [w, b], each two finite numbers</source>
        <translation>由 %1 到 %2 个不同起点 [w, b] 组成的列表，每个起点为两个有限数值</translation>
    </message>
    <message>
        <source>not used with kind = &quot;neuron&quot;: a neuron experiment lists its starts in neuron.starts, e.g. %1, one run per start and cost</source>
        <translation>kind = &quot;neuron&quot; 时不使用此项：神经元实验在 neuron.starts 中列出各个起点，例如 %1，每个起点与每种代价函数的组合各对应一次运行</translation>
    </message>
    <message>
        <source>not used with neuron.starts, which gives the w and b of every start (write this start in neuron.starts, or leave neuron.starts out)</source>
        <translation>使用 neuron.starts 时不使用此项：neuron.starts 已给出每个起点的 w 和 b（请把这个起点写进 neuron.starts，或去掉 neuron.starts）</translation>
    </message>
    <message>
        <source>%1 starts × %2 costs (training.costs) make %3 runs, more than the %4 a neuron experiment shows side by side: list fewer starts, or one cost</source>
        <translation>%1 个起点 × %2 种代价函数（training.costs）共 %3 次运行，超过了神经元实验可并排显示的 %4 次：请减少起点，或只用一种代价函数</translation>
    </message>
    <message>
        <source>cross-entropy needs outputs between 0 and 1 (sigmoid or softmax); a linear output is trained with the quadratic cost, the mean squared error</source>
        <translation>交叉熵需要介于 0 和 1 之间的输出（sigmoid 或 softmax）；线性输出要用二次代价函数（即均方误差）训练</translation>
    </message>
    <message>
        <source>expected a regression file of at most %1, found %2</source>
        <translation>回归文件最大应为 %1，但实际为 %2</translation>
    </message>
    <message>
        <source>an empty cell</source>
        <translation>空单元格</translation>
    </message>
    <message>
        <source>expected a finite number to learn in %1 (data.task = &quot;regression&quot;), found %2</source>
        <translation>%1 中应为有限的待学习数值（data.task = &quot;regression&quot;），但发现 %2</translation>
    </message>
    <message>
        <source>data.dataset = &quot;%1&quot; has classes, not numbers to learn: regression needs the sine or step data, or a CSV file whose label column holds numbers</source>
        <translation>data.dataset = &quot;%1&quot; 的数据是类别，而不是待学习数值：回归需要正弦或阶跃数据，或者标签列为数值的 CSV 文件</translation>
    </message>
    <message>
        <source>data.dataset = &quot;%1&quot; has numbers to learn, not classes: write task = &quot;regression&quot; (or leave task out)</source>
        <translation>data.dataset = &quot;%1&quot; 的数据是待学习数值，而不是类别：请写 task = &quot;regression&quot;（或省略 task）</translation>
    </message>
    <message>
        <source>must be &quot;linear&quot; for regression (data.task = &quot;regression&quot;): a sigmoid or softmax output stays between 0 and 1, a linear output reaches any number</source>
        <translation>回归（data.task = &quot;regression&quot;）时必须是 &quot;linear&quot;：sigmoid 或 softmax 输出始终介于 0 和 1 之间，线性输出才能取任意数值</translation>
    </message>
    <message>
        <source>is for regression (data.task = &quot;regression&quot;); classes need outputs between 0 and 1: sigmoid or softmax</source>
        <translation>用于回归（data.task = &quot;regression&quot;）；分类需要介于 0 和 1 之间的输出：sigmoid 或 softmax</translation>
    </message>
    <message>
        <source>cross-entropy needs outputs between 0 and 1 (sigmoid or softmax); a linear output (network.output = &quot;linear&quot;) is trained with the quadratic cost, the mean squared error: write costs = [&quot;quadratic&quot;]</source>
        <translation>交叉熵需要介于 0 和 1 之间的输出（sigmoid 或 softmax）；线性输出（network.output = &quot;linear&quot;）要用二次代价函数（即均方误差）训练：请写 costs = [&quot;quadratic&quot;]</translation>
    </message>
    <message>
        <source>%1: data.task = &quot;%2&quot;: the targets of dataset &quot;%3&quot; are for task = &quot;%4&quot;</source>
        <translation>%1：data.task = &quot;%2&quot;：数据集“%3”的目标值适用于 task = &quot;%4&quot;</translation>
    </message>
    <message>
        <source>%1: network.layers = %2: dataset &quot;%3&quot; has inputs: %4, numbers to learn: %5; so the first layer must be %4 and the last %5 (e.g. %6)</source>
        <translation>%1：network.layers = %2：数据集“%3”有 %4 个输入、%5 个待学习数值，因此第一层必须是 %4，最后一层必须是 %5（例如 %6）</translation>
    </message>
    <message>
        <source>MNIST is not downloaded yet: get it with %1 on the command line, or from the lab&apos;s list of data sets; %2 works offline with 5,000 of its images</source>
        <extracomment>``evaluate(run, parameters)``, a module-level function of core, or None: what the training process computes of each run&apos;s newest parameters for every batch The hidden activations, in the order the lesson shows them. A slope below this is saturated: a gradient through the unit shrinks more than 50 times. The z range the lesson&apos;s curves span, and how many points it samples there (odd: z = 0 is one of them, where σ′ and tanh′ are largest). A slope&apos;s largest value is looked for on this range, finely sampled (z = 0 among the points): every activation here reaches its largest slope at or right of 0. Bisection refines a boundary of a saturated interval to this width in z; the boundary is then rounded to BOUNDARY_DECIMALS (ReLU&apos;s jump lands on 0, not on 3 × 10⁻¹³). How many values each function is timed on. How many times each is run; the fastest counts. weight name → (layer, unit it leads into, unit or input it carries): Network&apos;s W_layer[j, k] bias name → (layer, unit): Network&apos;s b_layer[j] weight name → (the unit or input it carries, the unit it leads into) bias name → its unit The step of the finite differences: small enough that the error of the central difference (about h²·ℒ‴/6) is far below 10⁻⁸, large enough that rounding (about 10⁻¹⁶·ℒ/h) is too. What may be typed: a weight, bias or input, and the learning rate. The lesson&apos;s data and how the methods train on it (the preset&apos;s data and learning rate). the methods of note 001, in its order, and their batch size (None: the whole set) The lesson&apos;s start: weights and biases small and of both signs, the sample x = (1, 0.5, −0.5) of class 1, η = 0.5 (the preset&apos;s learning rate).</extracomment>
        <translation>MNIST 尚未下载：请在命令行中运行 %1 获取，或从实验室的数据集列表中下载；%2 可离线使用，含其中的 5,000 张图像</translation>
    </message>
    <message>
        <source>test_images and test_labels go together (the test set&apos;s image and label files); only %1 was given</source>
        <translation>test_images 和 test_labels 必须同时给出（即测试集的图像文件和标签文件）；只给出了 %1</translation>
    </message>
    <message>
        <source>test_fraction = %1 is not used with test_images and test_labels (the test set is those files); leave test_fraction out</source>
        <translation>给出 test_images 和 test_labels 时不使用 test_fraction = %1（测试集就是这两个文件）；请省略 test_fraction</translation>
    </message>
    <message>
        <source>%1, byte %2: expected images of %3 pixels like those of %4 (%5 x %6), found %7 x %8</source>
        <translation>%1，第 %2 字节处：图像应与 %4 中的一样为 %3 像素（%5 × %6），但发现 %7 × %8</translation>
    </message>
    <message>
        <source>train_samples = %1: the training set of %2 has only %3 samples</source>
        <translation>train_samples = %1：%2 的训练集只有 %3 个样本</translation>
    </message>
    <message>
        <source>a list of learning rates, one per name in training.costs, each as training.learning_rate allows</source>
        <translation>由学习率组成的列表，training.costs 中每个名称各对应一个，每个学习率的取值范围与 training.learning_rate 相同</translation>
    </message>
    <message>
        <source>only used with data.dataset = &quot;idx&quot; (a test set in IDX files of its own); data.dataset = &quot;%1&quot;</source>
        <translation>仅用于 data.dataset = &quot;idx&quot;（以单独的 IDX 文件作为测试集）；当前 data.dataset = &quot;%1&quot;</translation>
    </message>
    <message>
        <source>needs data.%1 too: the test set&apos;s images and labels come as a pair of IDX files</source>
        <translation>还需要 data.%1：测试集的图像和标签是成对的两个 IDX 文件</translation>
    </message>
    <message>
        <source>data.test_images and data.test_labels are the test set</source>
        <translation>data.test_images 和 data.test_labels 就是测试集</translation>
    </message>
    <message>
        <source>data.dataset = &quot;mnist&quot; has its official test set of 10,000 images</source>
        <translation>data.dataset = &quot;mnist&quot; 自带官方测试集（10,000 张图像）</translation>
    </message>
    <message>
        <source>not used here: %1; leave test_fraction out</source>
        <translation>此处不使用：%1；请省略 test_fraction</translation>
    </message>
    <message>
        <source>only used with data.dataset = &quot;mnist&quot; or &quot;idx&quot; (the first that many training images); data.dataset = &quot;%1&quot;</source>
        <translation>仅用于 data.dataset = &quot;mnist&quot; 或 &quot;idx&quot;（取前这么多张训练图像）；当前 data.dataset = &quot;%1&quot;</translation>
    </message>
    <message>
        <source>only used with compare.setting = &quot;cost&quot;, the default (one learning rate per cost); compare.setting = &quot;%1&quot; varies compare.values instead</source>
        <translation>仅用于 compare.setting = &quot;cost&quot;（默认值，每种代价函数各用一个学习率）；compare.setting = &quot;%1&quot; 时各次运行改由 compare.values 区分</translation>
    </message>
    <message>
        <source>must be a list of %1 learning rates, one per name in training.costs = %2, in the same order</source>
        <translation>必须是包含 %1 个学习率的列表，与 training.costs = %2 中的名称按顺序一一对应</translation>
    </message>
    <message>
        <source>SHA-256 mismatch: expected %1, got %2</source>
        <translation>SHA-256 不匹配：应为 %1，实际为 %2</translation>
    </message>
    <message>
        <source>cannot import MNIST from %1: it is not a folder</source>
        <translation>无法从 %1 导入 MNIST：它不是文件夹</translation>
    </message>
    <message>
        <source>mirror %1: expected an http:// or https:// address of a folder</source>
        <translation>镜像站点 %1：应为某个文件夹的 http:// 或 https:// 地址</translation>
    </message>
    <message>
        <source>no mirror to download from</source>
        <translation>没有可供下载的镜像站点</translation>
    </message>
    <message>
        <source>cannot write to the cache folder %1: %2</source>
        <translation>无法写入缓存文件夹 %1：%2</translation>
    </message>
    <message>
        <source>not enough free space (%1 bytes needed, %2 free)</source>
        <translation>可用空间不足（需要 %1 字节，可用 %2 字节）</translation>
    </message>
    <message>
        <source>cannot write %1 to the cache folder %2: %3</source>
        <translation>无法将 %1 写入缓存文件夹 %2：%3</translation>
    </message>
    <message>
        <source>cannot download %1 from %2: %3</source>
        <translation>无法从 %2 下载 %1：%3</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>cannot download %1 from any of the %2 mirrors: %3</source>
        <translation>无法从 %2 个镜像站点中的任何一个下载 %1：%3</translation>
    </message>
    <message>
        <source>it redirects to %1, which is not an http or https address</source>
        <translation>它重定向到 %1，而这不是 http 或 https 地址</translation>
    </message>
    <message>
        <source>timed out after %1 s with no data</source>
        <translation>%1 秒内没有收到任何数据，已超时</translation>
    </message>
    <message>
        <source>cannot connect: connection refused</source>
        <translation>无法连接：连接被拒绝</translation>
    </message>
    <message>
        <source>cannot connect: server name not found (no network?)</source>
        <translation>无法连接：找不到服务器名称（没有联网？）</translation>
    </message>
    <message>
        <source>secure connection failed: %1</source>
        <translation>安全连接失败：%1</translation>
    </message>
    <message>
        <source>cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>HTTP %1 (%2)</source>
        <translation>HTTP %1（%2）</translation>
    </message>
    <message>
        <source>the server offers %1 bytes, expected %2</source>
        <translation>服务器提供 %1 字节，应为 %2 字节</translation>
    </message>
    <message>
        <source>the connection broke after %1 of %2 bytes: %3</source>
        <translation>收到 %2 字节中的 %1 字节后连接中断：%3</translation>
    </message>
    <message>
        <source>the server sent more than the expected %1 bytes</source>
        <translation>服务器发送的数据超过了预期的 %1 字节</translation>
    </message>
    <message>
        <source>truncated: got %1 of %2 bytes</source>
        <translation>数据不完整：只得到 %2 字节中的 %1 字节</translation>
    </message>
    <message>
        <source>cannot import %1 from %2: %3</source>
        <translation>无法从 %2 导入 %1：%3</translation>
    </message>
    <message>
        <source>the folder holds only the unzipped %1: bring the .gz file as published (its SHA-256 is what is checked)</source>
        <translation>该文件夹中只有解压后的 %1：请提供按原样发布的 .gz 文件（校验的是它的 SHA-256）</translation>
    </message>
    <message>
        <source>the file is not there</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>it has %1 bytes, expected %2</source>
        <translation>它有 %1 字节，应为 %2 字节</translation>
    </message>
    <message>
        <source>it has more than the expected %1 bytes</source>
        <translation>它超过了预期的 %1 字节</translation>
    </message>
    <message>
        <source>test_images and test_labels name the training files (%1): the test would score the images the network learned from; name the test set&apos;s own files (MNIST: t10k-images, t10k-labels)</source>
        <translation>test_images 和 test_labels 指向了训练文件（%1）：测试将给网络学过的图像打分；请指定测试集自己的文件（MNIST：t10k-images、t10k-labels）</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Cannot export to “%1”: %2</source>
        <translation>无法导出到“%1”：%2</translation>
    </message>
    <message>
        <source>the picture is empty (the widget has no size)</source>
        <translation>图像为空（控件没有尺寸）</translation>
    </message>
    <message>
        <source>nothing was drawn</source>
        <translation>没有绘制任何内容</translation>
    </message>
    <message>
        <source>not enough memory for an image of %1 × %2 px</source>
        <translation>内存不足，无法创建 %1 × %2 px 的图像</translation>
    </message>
    <message>
        <source>width %1 px: must be between 1 and %2</source>
        <translation>宽度 %1 px：必须介于 1 和 %2 之间</translation>
    </message>
    <message>
        <source>no format given and the file name has no suffix (use one of %1)</source>
        <translation>未指定格式，且文件名没有后缀（请使用 %1 之一）</translation>
    </message>
    <message>
        <source>unknown format “%1” (use one of %2)</source>
        <translation>未知格式“%1”（请使用 %2 之一）</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>“%1” is a file, not a folder</source>
        <translation>“%1”是文件，不是文件夹</translation>
    </message>
    <message>
        <source>the folder “%1” does not exist</source>
        <translation>文件夹“%1”不存在</translation>
    </message>
    <message>
        <source>no permission to write in the folder “%1”</source>
        <translation>没有写入文件夹“%1”的权限</translation>
    </message>
    <message>
        <source>Drawn by nnlab</source>
        <translation>由 nnlab 绘制</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Costs: %1</source>
        <translation>代价函数：%1</translation>
    </message>
    <message>
        <source>start w = %1, b = %2</source>
        <translation>起点 w = %1, b = %2</translation>
    </message>
    <message>
        <source>η = %1</source>
        <translation>η = %1</translation>
    </message>
    <message>
        <source>epoch %1 of %2</source>
        <translation>第 %1 轮，共 %2 轮</translation>
    </message>
    <message>
        <source>Note 002&apos;s example</source>
        <translation>讲义 002 的示例</translation>
    </message>
    <message>
        <source>samples: %1</source>
        <translation>样本数：%1</translation>
    </message>
    <message>
        <source>cross-entropy in ln</source>
        <translation>交叉熵取自然对数 ln</translation>
    </message>
    <message>
        <source>cross-entropy in log₂</source>
        <translation>交叉熵取以 2 为底的对数</translation>
    </message>
    <message>
        <source>outputs typed as logits</source>
        <translation>输出以对数几率输入</translation>
    </message>
    <message>
        <source>start %1: w = %2, b = %3</source>
        <translation>起点 %1：w = %2, b = %3</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>Handwritten digits through six hidden layers of 30, sigmoid vs ReLU from the same He start: the sigmoid net&apos;s first layer gets a gradient hundreds of times smaller than its last, and the net stays at chance while the ReLU net learns</source>
        <translation>手写数字经过六个各含 30 个单元的隐藏层，从相同的 He 初始化起点比较 sigmoid 与 ReLU：sigmoid 网络第一层得到的梯度比最后一层小数百倍，网络停留在随机猜测的水平，而 ReLU 网络能够学习。</translation>
    </message>
    <message>
        <source>Handwritten 8x8 digits, 64-30-10 sigmoid network with softmax output, mini-batches of 32: quadratic vs cross-entropy</source>
        <translation>8×8 手写数字，64-30-10 sigmoid 网络，softmax 输出，小批量大小为 32：比较二次代价函数与交叉熵代价函数。</translation>
    </message>
    <message>
        <source>Handwritten 8x8 digits, 64-30-10 sigmoid network with softmax output: full-batch, stochastic (one sample per step) and mini-batch (32) gradient descent from the same start</source>
        <translation>8×8 手写数字，64-30-10 sigmoid 网络，softmax 输出：从同一起点比较全批量、随机（每步一个样本）和小批量（32）梯度下降。</translation>
    </message>
    <message>
        <source>Handwritten 8x8 digits, 64-30-10 with sigmoid outputs and large N(0, 1) starting weights: saturated outputs make the quadratic cost crawl while cross-entropy learns at once</source>
        <translation>8×8 手写数字，64-30-10 网络，sigmoid 输出，初始权重取自 N(0, 1)，数值较大：输出处于饱和区，二次代价函数学得极慢，而交叉熵代价函数立即开始学习。</translation>
    </message>
    <message>
        <source>One sigmoid neuron, x = 1 -&gt; y = 0, a mild start (w = 0.6, b = 0.9, a = 0.82): both costs learn</source>
        <translation>单个 sigmoid 神经元，x = 1 -&gt; y = 0，温和的起点（w = 0.6, b = 0.9, a = 0.82）：两种代价函数都能学习。</translation>
    </message>
    <message>
        <source>One sigmoid neuron, x = 1 -&gt; y = 0, a badly wrong start (w = 2, b = 2, a = 0.98): quadratic crawls, cross-entropy does not</source>
        <translation>单个 sigmoid 神经元，x = 1 -&gt; y = 0，错得离谱的起点（w = 2, b = 2, a = 0.98）：二次代价函数学得极慢，交叉熵代价函数则不然。</translation>
    </message>
    <message>
        <source>Two interleaved spiral arms in 2-D (400 points), a 2-16-16-2 ReLU network with softmax output: the decision regions wind into spirals over a few hundred epochs</source>
        <translation>二维平面上两条交错的螺旋臂（400 个点），2-16-16-2 ReLU 网络，softmax 输出：经过几百个轮次，决策区域逐渐卷成螺旋形。</translation>
    </message>
    <message>
        <source>The 2-D spiral with a 2-16-16-2 leaky-ReLU network at four learning rates from the same start: 0.01 crawls, 0.1 learns, 1 jumps about, 100 diverges at once</source>
        <translation>二维螺旋数据，2-16-16-2 leaky ReLU 网络，从同一起点使用四种学习率：0.01 学得极慢，0.1 正常学习，1 来回跳动，100 立即发散。</translation>
    </message>
    <message>
        <source>The lecture&apos;s 3-2-3 sigmoid network on three classes of three inputs (21 samples), quadratic vs cross-entropy</source>
        <translation>讲义中的 3-2-3 sigmoid 网络，三个类别、三个输入（21 个样本）：比较二次代价函数与交叉熵代价函数。</translation>
    </message>
    <message>
        <source>Noisy XOR in 2-D (400 points), a 2-8-2 tanh network with softmax output: no straight line separates the classes</source>
        <translation>二维带噪声的 XOR（400 个点），2-8-2 tanh 网络，softmax 输出：没有任何一条直线能把各类别分开。</translation>
    </message>
    <message>
        <source>Deep network: sigmoid vs ReLU</source>
        <translation>深层网络：sigmoid 与 ReLU</translation>
    </message>
    <message>
        <source>Digits: quadratic vs cross-entropy</source>
        <translation>手写数字：二次代价与交叉熵</translation>
    </message>
    <message>
        <source>Digits: batch, stochastic and mini-batch descent</source>
        <translation>手写数字：批量、随机与小批量</translation>
    </message>
    <message>
        <source>Digits: sigmoid outputs from a saturated start</source>
        <translation>手写数字：饱和起点的 sigmoid 输出</translation>
    </message>
    <message>
        <source>One neuron: a mild start</source>
        <translation>单个神经元：温和起点</translation>
    </message>
    <message>
        <source>One neuron: a badly wrong start</source>
        <translation>单个神经元：错得离谱的起点</translation>
    </message>
    <message>
        <source>Spiral: quadratic vs cross-entropy</source>
        <translation>螺旋：二次代价与交叉熵</translation>
    </message>
    <message>
        <source>Spiral: four learning rates, one diverges</source>
        <translation>螺旋：四种学习率，一种发散</translation>
    </message>
    <message>
        <source>The lecture&apos;s 3-2-3 network</source>
        <translation>讲义中的 3-2-3 网络</translation>
    </message>
    <message>
        <source>XOR: a 2-8-2 network</source>
        <translation>XOR：2-8-2 网络</translation>
    </message>
    <message>
        <source>One sigmoid neuron, x = 1 -&gt; y = 0, the quadratic cost from both classic starts (a = 0.82 and a = 0.98) on one plot, as in the lecture notes: the saturated start learns far more slowly</source>
        <translation>单个 sigmoid 神经元，x = 1 -&gt; y = 0，二次代价函数从两个经典起点（a = 0.82 和 a = 0.98）出发，画在同一张图上，与讲义一致：饱和起点学得慢得多。</translation>
    </message>
    <message>
        <source>One sigmoid neuron, x = 1 -&gt; y = 0, both classic starts (a = 0.82 and a = 0.98) under both costs, four runs: cross-entropy learns fast from either start, the quadratic cost crawls from the saturated one</source>
        <translation>单个 sigmoid 神经元，x = 1 -&gt; y = 0，两个经典起点（a = 0.82 和 a = 0.98）各用两种代价函数，共四次运行：交叉熵代价函数从任一起点都学得快，二次代价函数从饱和起点出发则学得极慢。</translation>
    </message>
    <message>
        <source>One neuron: two starts, quadratic cost</source>
        <translation>单个神经元：两个起点，二次代价函数</translation>
    </message>
    <message>
        <source>One neuron: two starts, both costs</source>
        <translation>单个神经元：两个起点，两种代价函数</translation>
    </message>
    <message>
        <source>Regression: a noisy sine y = sin(3x) on [-1, 1] (200 points), a 1-16-16-1 tanh network with a linear output, trained with the quadratic cost (the mean squared error): the fitted curve bends to the sine within a hundred epochs</source>
        <translation>回归：[-1, 1] 上带噪声的正弦 y = sin(3x)（200 个点），1-16-16-1 tanh 网络，线性输出，用二次代价函数（即均方误差）训练：一百个轮次之内，拟合曲线就弯成了正弦形状。</translation>
    </message>
    <message>
        <source>Noisy XOR in 2-D (400 points), a 2-8-8-8-2 network with softmax output, linear vs tanh hidden units: three linear layers are still one straight cut, depth does not help without a non-linearity</source>
        <translation>二维带噪声的 XOR（400 个点），2-8-8-8-2 网络，softmax 输出，比较线性与 tanh 隐藏单元：三个线性层仍然只是一条直线分界，没有非线性，加深网络也无济于事。</translation>
    </message>
    <message>
        <source>Noisy XOR in 2-D (400 points), a 2-8-2 network with softmax output, linear vs tanh hidden units from the same start: without a non-linearity the net is one straight cut and stays near chance, tanh separates the classes</source>
        <translation>二维带噪声的 XOR（400 个点），2-8-2 网络，softmax 输出，线性与 tanh 隐藏单元从同一起点出发：没有非线性，网络只是一条直线分界，准确率停留在随机猜测附近；tanh 则能把各类别分开。</translation>
    </message>
    <message>
        <source>Regression: a network fits a noisy sine</source>
        <translation>回归：网络拟合带噪声的正弦</translation>
    </message>
    <message>
        <source>XOR: three linear hidden layers vs tanh</source>
        <translation>XOR：三个线性隐藏层与 tanh</translation>
    </message>
    <message>
        <source>XOR: linear vs tanh hidden units</source>
        <translation>XOR：线性与 tanh 隐藏单元</translation>
    </message>
    <message>
        <source>Note 004 on the full MNIST: the same 784-30-10 sigmoid network, both costs at one learning rate (0.5) for 5 epochs on the first 50,000 training images: cross-entropy clearly converges faster; needs MNIST downloaded</source>
        <translation>讲义 004 的对比，使用完整的 MNIST：同一个 784-30-10 sigmoid 网络，两种代价函数使用同一个学习率（0.5），在前 50,000 张训练图像上训练 5 个轮次：交叉熵代价函数明显收敛得更快；需要先下载 MNIST。</translation>
    </message>
    <message>
        <source>Note 004 on the 5,000 bundled MNIST digits (works offline): the same 784-30-10 sigmoid network, both costs at one learning rate (0.5) for 5 epochs: cross-entropy clearly converges faster</source>
        <translation>讲义 004 的对比，使用 nnlab 自带的 5,000 个 MNIST 手写数字（可离线使用）：同一个 784-30-10 sigmoid 网络，两种代价函数使用同一个学习率（0.5），训练 5 个轮次：交叉熵代价函数明显收敛得更快。</translation>
    </message>
    <message>
        <source>Nielsen&apos;s chapter 3 setting on the 5,000 bundled MNIST digits (works offline; 4,000 to train, 1,000 to test): 784-30-10 sigmoid network with sigmoid outputs and N(0, 1) starting weights, mini-batches of 10, 30 epochs, quadratic at learning rate 3.0 vs cross-entropy at 0.5</source>
        <translation>Nielsen 书中第 3 章的设置，使用 nnlab 自带的 5,000 个 MNIST 手写数字（可离线使用；4,000 个用于训练，1,000 个用于测试）：784-30-10 sigmoid 网络，sigmoid 输出，初始权重取自 N(0, 1)，小批量大小为 10，训练 30 个轮次：比较学习率为 3.0 的二次代价函数与学习率为 0.5 的交叉熵代价函数。</translation>
    </message>
    <message>
        <source>Nielsen&apos;s chapter 3 on the full MNIST: 784-30-10 sigmoid network with sigmoid outputs and N(0, 1) starting weights, mini-batches of 10, 30 epochs on the first 50,000 training images, tested on the 10,000 test images: quadratic at learning rate 3.0 (his 95.42 %) vs cross-entropy at 0.5 (his 95.49 %); needs MNIST downloaded</source>
        <translation>Nielsen 书中第 3 章的设置，使用完整的 MNIST：784-30-10 sigmoid 网络，sigmoid 输出，初始权重取自 N(0, 1)，小批量大小为 10，在前 50,000 张训练图像上训练 30 个轮次，并在 10,000 张测试图像上测试：比较学习率为 3.0 的二次代价函数（书中为 95.42 %）与学习率为 0.5 的交叉熵代价函数（书中为 95.49 %）；需要先下载 MNIST。</translation>
    </message>
    <message>
        <source>MNIST: both costs over 5 epochs</source>
        <translation>MNIST：两种代价函数，5 个轮次</translation>
    </message>
    <message>
        <source>MNIST offline (5,000 digits): both costs over 5 epochs</source>
        <translation>MNIST 离线版（5,000 个数字）：两种代价函数，5 个轮次</translation>
    </message>
    <message>
        <source>MNIST offline (5,000 digits): Nielsen&apos;s chapter 3</source>
        <translation>MNIST 离线版（5,000 个数字）：Nielsen 第 3 章</translation>
    </message>
    <message>
        <source>MNIST: Nielsen&apos;s chapter 3, quadratic vs cross-entropy</source>
        <translation>MNIST：Nielsen 第 3 章，二次代价与交叉熵</translation>
    </message>
</context>
</TS>
